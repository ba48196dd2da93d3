import type { FastifyRequest } from "fastify";
import type { Actor } from "../../lib/actor.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { requireRole } from "../../plugins/authenticate.ts";
import { findUserOrganizationId } from "./organizations.repository.ts";

export interface PartnerCaller {
  user: Actor;
  organizationId: string;
}

/** Partner role and a partner organisation: everything a partner route reads is scoped to it. */
export async function requirePartner(request: FastifyRequest): Promise<PartnerCaller> {
  const user = await requireRole(request, ["partner"]);
  const organizationId = await findUserOrganizationId(request.server.ctx.db, user.id);
  if (!organizationId)
    throw new DomainError("FORBIDDEN", "Your account is not part of a partner organisation");
  return { user, organizationId };
}
