import type { UserRole } from "@referral-app/shared/constants";

/** The caller as services see it: who acts, whatever the transport (HTTP session, job, script). */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partnerOrganizationId: string | null;
}
