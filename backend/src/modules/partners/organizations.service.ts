import { randomBytes } from "node:crypto";
import { isStaffRole } from "@referral-app/shared/constants";
import type {
  AssignPartnerOrganizationData,
  createPartnerOrganizationSchema,
  InvitePartnerMemberData,
  PartnerMember,
  PartnerOrganization,
  UpdatePartnerOrganizationData,
} from "@referral-app/shared/schemas/partners";
import type { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { countRecentOrganizationActions, writeAudit } from "../audit/audit.service.ts";
import type { Auth } from "../auth/auth.service.ts";
import { insertInvitedMember } from "./members.repository.ts";
import {
  findMember,
  findMemberByEmail,
  findOrganization,
  findOrganizationRow,
  insertOrganization,
  listMembers,
  listOrganizations,
  type OrganizationValues,
  setUserOrganization,
  updateOrganization,
} from "./organizations.repository.ts";

type CreateOrganizationInput = z.output<typeof createPartnerOrganizationSchema>;

function commissionValues(values: OrganizationValues): OrganizationValues {
  const valid =
    values.commissionType === "rate"
      ? values.commissionRateBps !== null
      : values.commissionAmountMinor !== null;
  if (!valid) {
    throw new DomainError("VALIDATION_ERROR", "Incomplete commission", {
      fields: {
        commissionType: ["A rate needs commissionRateBps; a fixed commission needs commissionAmountMinor"],
      },
    });
  }
  // Only the field of the chosen type is kept, so the configuration says one thing.
  return values.commissionType === "rate"
    ? { ...values, commissionAmountMinor: null }
    : { ...values, commissionRateBps: null };
}

export async function getOrganization(ctx: AppContext, id: string): Promise<PartnerOrganization> {
  const organization = await findOrganization(ctx.db, id);
  if (!organization) throw notFound("Partner organisation");
  return organization;
}

export function allOrganizations(ctx: AppContext): Promise<PartnerOrganization[]> {
  return listOrganizations(ctx.db);
}

export async function createOrganization(
  ctx: AppContext,
  actor: Actor,
  input: CreateOrganizationInput,
): Promise<PartnerOrganization> {
  const values = commissionValues({
    name: input.name,
    commissionType: input.commissionType,
    commissionRateBps: input.commissionRateBps ?? null,
    commissionAmountMinor: input.commissionAmountMinor ?? null,
    commissionCurrency: input.commissionCurrency,
  });
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertOrganization(tx, values);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "partner_organization.created",
      entityType: "partner_organization",
      entityId: created,
      after: { ...values },
    });
    return created;
  });
  return getOrganization(ctx, id);
}

export async function changeOrganization(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePartnerOrganizationData,
): Promise<PartnerOrganization> {
  await ctx.db.transaction(async (tx) => {
    const row = await findOrganizationRow(tx, id, { forUpdate: true });
    if (!row) throw notFound("Partner organisation");
    const before: OrganizationValues = {
      name: row.name,
      commissionType: row.commissionType,
      commissionRateBps: row.commissionRateBps,
      commissionAmountMinor: row.commissionAmountMinor,
      commissionCurrency: row.commissionCurrency,
    };
    const after = commissionValues({ ...before, ...input });
    await updateOrganization(tx, id, after);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "partner_organization.updated",
      entityType: "partner_organization",
      entityId: id,
      before: { ...before },
      after: { ...after },
    });
  });
  return getOrganization(ctx, id);
}

export async function organizationMembers(ctx: AppContext, organizationId: string): Promise<PartnerMember[]> {
  if (!(await findOrganizationRow(ctx.db, organizationId))) throw notFound("Partner organisation");
  return listMembers(ctx.db, organizationId);
}

/** Staff put a user in an organisation (they become a partner) or take them out (null). */
export async function assignOrganization(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: AssignPartnerOrganizationData,
): Promise<PartnerMember> {
  await ctx.db.transaction(async (tx) => {
    const member = await findMember(tx, userId);
    if (!member) throw notFound("User");
    if (isStaffRole(member.role as Actor["role"])) {
      throw new DomainError("CONFLICT", "Staff accounts cannot belong to a partner organisation");
    }
    const organizationId = input.partnerOrganizationId;
    if (organizationId && !(await findOrganizationRow(tx, organizationId)))
      throw notFound("Partner organisation");
    await setUserOrganization(tx, userId, organizationId);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "partner_organization.member_assigned",
      entityType: "user",
      entityId: userId,
      before: { partnerOrganizationId: member.partnerOrganizationId, role: member.role },
      after: { partnerOrganizationId: organizationId, role: organizationId ? "partner" : member.role },
    });
  });
  const member = await findMember(ctx.db, userId);
  if (!member) throw notFound("User");
  return member;
}

const INVITED = "partner_organization.member_invited";
const REINVITED = "partner_organization.member_reinvited";

/**
 * Creates a partner member with a password nobody knows and emails them better-auth's reset link
 * (through sendEmailJob). Inviting an existing member of the same organisation resends the link.
 * New and resent invitations together are capped per organisation per day (PARTNER_INVITES_PER_DAY).
 */
export async function inviteMember(
  ctx: AppContext,
  auth: Auth,
  actor: Actor,
  organizationId: string,
  input: InvitePartnerMemberData,
): Promise<{ member: PartnerMember; created: boolean }> {
  const existing = await findMemberByEmail(ctx.db, input.email);
  if (existing && existing.partnerOrganizationId !== organizationId) {
    throw new DomainError("EMAIL_TAKEN", "An account with this email already exists", {
      fields: { email: ["An account with this email already exists"] },
    });
  }
  const passwordHash = existing
    ? null
    : await (await auth.$context).password.hash(randomBytes(32).toString("base64url"));
  const userId = await ctx.db.transaction(async (tx) => {
    // The organisation's row is the lock: two invitations at once cannot both take the last place.
    if (!(await findOrganizationRow(tx, organizationId, { forUpdate: true }))) {
      throw notFound("Partner organisation");
    }
    const sentToday = await countRecentOrganizationActions(tx, {
      actions: [INVITED, REINVITED],
      partnerOrganizationId: organizationId,
      since: new Date(Date.now() - 24 * 60 * 60 * 1000),
    });
    if (sentToday >= ctx.config.partnerInvitesPerDay) {
      throw new DomainError(
        "RATE_LIMITED",
        `This organisation has sent its ${ctx.config.partnerInvitesPerDay} invitations for today; try again tomorrow`,
      );
    }
    const id =
      existing?.id ??
      (await insertInvitedMember(tx, { ...input, organizationId, passwordHash: passwordHash! }));
    await writeAudit(tx, {
      actorId: actor.id,
      action: existing ? REINVITED : INVITED,
      entityType: "user",
      entityId: id,
      after: { email: input.email, name: input.name, partnerOrganizationId: organizationId },
    });
    return id;
  });
  await auth.api.requestPasswordReset({
    body: { email: input.email, redirectTo: `${ctx.config.publicUrl}/partners/reset-password` },
  });
  const member = await findMember(ctx.db, userId);
  if (!member) throw notFound("User");
  return { member, created: !existing };
}
