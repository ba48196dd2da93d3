import type { InviteStaffData, StaffMember, UpdateStaffData } from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import type { Auth } from "../auth/auth.service.ts";
import { unassignCasesOf } from "../cases/cases.service.ts";
import {
  deleteSessionsOf,
  findStaffMember,
  findUserByEmail,
  insertInvitedStaff,
  listStaffMembers,
  setDeactivated,
  setStaffRole,
} from "./staff.repository.ts";

export function listStaff(ctx: AppContext): Promise<StaffMember[]> {
  return listStaffMembers(ctx.db);
}

/**
 * Invites a staff member: an account without a password, and better-auth's reset link by e-mail
 * (the invitation wording is chosen in auth.ts). Inviting someone still invited resends the link.
 */
export async function inviteStaff(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  input: InviteStaffData,
): Promise<{ member: StaffMember; created: boolean }> {
  const existing = await findUserByEmail(ctx.db, input.email);
  const pending = existing ? await findStaffMember(ctx.db, existing.id) : null;
  if (existing && !pending?.invited) {
    throw new DomainError("EMAIL_TAKEN", "An account with this email already exists", {
      fields: { email: ["An account with this email already exists"] },
    });
  }
  const userId =
    existing?.id ??
    (await ctx.db.transaction(async (tx) => {
      const id = await insertInvitedStaff(tx, {
        email: input.email,
        name: input.name,
        role: input.role ?? "staff",
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "staff.invited",
        entityType: "user",
        entityId: id,
        after: { email: input.email, name: input.name, role: input.role ?? "staff" },
      });
      return id;
    }));
  await auth.api.requestPasswordReset({
    body: { email: input.email, redirectTo: `${ctx.config.publicUrl}/reset-password` },
  });
  const member = await findStaffMember(ctx.db, userId);
  if (!member) throw notFound("Staff member");
  return { member, created: !existing };
}

/**
 * Admins change a member's role or deactivate them. Deactivation ends their sessions at once and
 * leaves their open cases unassigned, in one transaction.
 */
export async function updateStaff(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateStaffData,
): Promise<StaffMember> {
  if (id === actor.id && (input.active === false || input.role === "staff")) {
    throw new DomainError(
      "UNPROCESSABLE",
      "You cannot deactivate your own account or remove your own admin role",
    );
  }
  await ctx.db.transaction(async (tx) => {
    const member = await findStaffMember(tx, id, { forUpdate: true });
    if (!member) throw notFound("Staff member");
    if (input.role !== undefined && input.role !== member.role) {
      // Remembered sessions are dropped on commit (below here, and on every instance by the
      // database's notice, lib/session-cache.ts): the new role applies at once.
      await setStaffRole(tx, id, input.role);
      await writeAudit(tx, {
        actorId: actor.id,
        action: "staff.role_changed",
        entityType: "user",
        entityId: id,
        before: { role: member.role },
        after: { role: input.role },
      });
    }
    if (input.active !== undefined && input.active !== member.active) {
      const now = new Date();
      await setDeactivated(tx, id, input.active ? null : now);
      let sessionsEnded = 0;
      let unassigned = 0;
      if (!input.active) {
        // Deleting them ends them at once (remembered sessions are dropped as below).
        sessionsEnded = await deleteSessionsOf(tx, id);
        unassigned = await unassignCasesOf(ctx, tx, actor.id, member);
      }
      await writeAudit(tx, {
        actorId: actor.id,
        action: input.active ? "staff.reactivated" : "staff.deactivated",
        entityType: "user",
        entityId: id,
        before: { active: member.active },
        after: {
          active: input.active,
          ...(input.active ? {} : { sessionsEnded, unassigned }),
        },
      });
    }
  });
  // This instance drops them before answering; the others as the database's notice reaches them.
  ctx.sessions?.invalidate(`u:${id}`);
  const member = await findStaffMember(ctx.db, id);
  if (!member) throw notFound("Staff member");
  return member;
}
