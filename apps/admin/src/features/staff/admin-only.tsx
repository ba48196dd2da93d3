import { useSession } from "@referral-app/api-client/react";
import { EmptyState } from "@referral-app/ui/empty-state";
import type { ReactNode } from "react";
import { strings } from "../../strings.ts";

/** Admin pages say so to other staff (the API refuses them anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.data?.user.role !== "admin") return <EmptyState title={strings.staff.adminOnly} />;
  return <>{children}</>;
}
