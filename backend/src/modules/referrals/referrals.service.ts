import {
  DEFAULT_REFERRER_VISIBILITY,
  isStaffRole,
  type ReferrerVisibilityLevel,
} from "@referral-app/shared/constants";
import type { AdminReferral, AdminReferralListQuery } from "@referral-app/shared/schemas/admin";
import type {
  CreateReferralInput,
  Referral,
  ReferralDetail,
  ReferralStats,
} from "@referral-app/shared/schemas/referral";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor, encodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { type IdempotentResult, runIdempotent } from "../../lib/idempotency.ts";
import { recordEvent } from "../analytics/analytics.service.ts";
import { linkReferralToFriendCase } from "../cases/cases.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import {
  applyFriendVisibility,
  chooseVisibilityAtSignUp,
  type ReferralViewer,
  signUpIsShared,
  withFriendProgress,
} from "../privacy/privacy.service.ts";
import { screenNewReferral } from "../referral-reviews/referral-reviews.service.ts";
import { referralContactDeadline } from "../settings/settings.service.ts";
import { listAdminReferrals } from "./admin-referrals.repository.ts";
import {
  countOrgReferralsByStatus,
  findOrgReferral,
  listOrgReferralsByCursor,
  listOrgReferralsByPage,
  type OrgReferralFilter,
} from "./partner-referrals.repository.ts";
import { findReferralStats } from "./referral-stats.repository.ts";
import {
  findAccount,
  findAccountByReferralCode,
  findFirstValidReferralOfEmail,
  findReferral,
  findReferralByEmailForUpdate,
  findStatusHistory,
  insertCreatedHistoryAndEvent,
  insertReferral,
  listRecentReferrals,
  listUserReferrals,
  type NewReferral,
  type ReferralRow,
  setReferredUser,
  type UserReferralsQuery,
} from "./referrals.repository.ts";

/** A partner's organisation, read from the account (sessions do not carry it). */
async function partnerOrganizationOf(ctx: AppContext, actor: Actor): Promise<string | null> {
  if (actor.role !== "partner") return null;
  if (actor.partnerOrganizationId) return actor.partnerOrganizationId;
  return (await findAccount(ctx.db, actor.id))?.partnerOrganizationId ?? null;
}

/**
 * Records a referral with its first history entry, the analytics event and the referrer's
 * notification job in one transaction. With an Idempotency-Key, a retry answers the first response.
 */
export async function createReferral(
  ctx: AppContext,
  actor: Actor,
  input: CreateReferralInput,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<Referral>> {
  const partnerOrganizationId = await partnerOrganizationOf(ctx, actor);
  return runIdempotent(
    ctx.db,
    { userId: actor.id, scope: "referrals.create", key: idempotencyKey, body: input },
    async (tx) => {
      if (input.email.toLowerCase() === actor.email.toLowerCase()) {
        throw new DomainError("SELF_REFERRAL", "You cannot refer yourself", {
          fields: { email: ["You cannot refer yourself"] },
        });
      }
      const { consent, ...fields } = input;
      const now = new Date();
      const referral = await insertReferral(tx, {
        ...fields,
        referrerId: actor.id,
        consent: consent === undefined ? null : consent ? "given" : "refused",
        source: actor.role === "partner" ? "partner" : "client",
        partnerOrganizationId,
        createdAt: now,
        contactBy: await referralContactDeadline(ctx, tx, now),
      });
      if (!referral) {
        throw new DomainError("REFERRAL_DUPLICATE", `You have already referred ${input.email}`, {
          fields: { email: ["You have already referred this person"] },
        });
      }
      await recordReferralCreated(
        ctx,
        tx,
        referral,
        actor.id,
        `We received your referral of ${referral.fullName}.`,
      );
      const reasons = await screenNewReferral(ctx, tx, {
        ...referral,
        dateOfBirth: input.dateOfBirth ?? null,
      });
      const review = reasons[0]
        ? { state: "open" as const, reason: reasons[0], resolutionReason: null }
        : null;
      return {
        statusCode: 201,
        body: { ...referral, review },
      };
    },
  );
}

/** History (null → pending), the referrer's notification job and the `referral_created` event. */
async function recordReferralCreated(
  ctx: AppContext,
  tx: Tx,
  referral: Referral,
  changedBy: string | null,
  message: string,
): Promise<void> {
  // History and event in one statement: a round trip less per referral.
  await insertCreatedHistoryAndEvent(tx, {
    referralId: referral.id,
    changedBy,
    event: {
      name: "referral_created",
      userId: referral.referrerId,
      properties: {
        referralId: referral.id,
        source: referral.source,
        partnerOrganizationId: referral.partnerOrganizationId,
      },
    },
  });
  await enqueueNotification(ctx, tx, {
    userId: referral.referrerId,
    type: "referral",
    title: "Referral received",
    body: message,
    data: { kind: "referral", referralId: referral.id, status: "pending" },
    dedupeKey: `referral-created:${referral.id}`,
  });
}

export async function listReferralsOf(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  query: UserReferralsQuery,
): Promise<{ items: Referral[]; total: number }> {
  const { items, total, views } = await listUserReferrals(ctx.db, userId, query);
  const viewer = { role: actor.role, partnerOrganizationId: await partnerOrganizationOf(ctx, actor) };
  return { items: withFriendProgress(items, views, viewer), total };
}

/** Staff's view of a client's latest referrals. */
export async function listRecentReferralsOf(
  ctx: AppContext,
  referrerId: string,
  limit: number,
): Promise<Referral[]> {
  return applyFriendVisibility(ctx.db, await listRecentReferrals(ctx.db, referrerId, limit), STAFF_VIEW);
}

const STAFF_VIEW: ReferralViewer = { role: "staff", partnerOrganizationId: null };

export function getReferralStats(ctx: AppContext, userId: string): Promise<ReferralStats> {
  return findReferralStats(ctx.db, userId);
}

/** The referrer, members of the referral's partner organisation, and staff may read it; others get 404. */
export async function getReferralDetail(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
): Promise<ReferralDetail> {
  const referral = await findReferral(ctx.db, referralId);
  if (!referral) throw notFound("Referral");
  const allowed =
    isStaffRole(actor.role) ||
    referral.referrerId === actor.id ||
    (referral.partnerOrganizationId !== null &&
      referral.partnerOrganizationId === (await partnerOrganizationOf(ctx, actor)));
  if (!allowed) throw notFound("Referral");
  const viewer = { role: actor.role, partnerOrganizationId: await partnerOrganizationOf(ctx, actor) };
  const [shown] = await applyFriendVisibility(ctx.db, [referral], viewer);
  return { ...shown!, history: await findStatusHistory(ctx.db, referral.id, isStaffRole(actor.role)) };
}

export async function listAllReferrals(
  ctx: AppContext,
  query: Omit<AdminReferralListQuery, "sort" | "limit"> & { sort: "newest" | "oldest"; limit: number },
): Promise<{ items: AdminReferral[]; nextCursor: string | null }> {
  const { cursor, ...filters } = query;
  const { items, next } = await listAdminReferrals(ctx.db, {
    ...filters,
    cursor: cursor ? decodeCursor(cursor) : undefined,
  });
  const shown = await applyFriendVisibility(ctx.db, items, STAFF_VIEW);
  return {
    items: items.map((item, index) => ({ ...item, ...shown[index]! })),
    nextCursor: next ? encodeCursor(next) : null,
  };
}

/** A partner organisation's referrals: a page with totals when `page` is given, else a cursor page. */
export async function listOrganizationReferrals(
  ctx: AppContext,
  organizationId: string,
  query: OrgReferralFilter & { page?: number | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: Referral[]; nextCursor: string | null; total?: number }> {
  const filter = { status: query.status, q: query.q, limit: query.limit };
  const viewer: ReferralViewer = { role: "partner", partnerOrganizationId: organizationId };
  if (query.page !== undefined) {
    const { items, total } = await listOrgReferralsByPage(ctx.db, organizationId, {
      ...filter,
      page: query.page,
    });
    return { items: await applyFriendVisibility(ctx.db, items, viewer), nextCursor: null, total };
  }
  const page = await listOrgReferralsByCursor(ctx.db, organizationId, {
    ...filter,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  return { ...page, items: await applyFriendVisibility(ctx.db, page.items, viewer) };
}

export function countOrganizationReferrals(ctx: AppContext, organizationId: string) {
  return countOrgReferralsByStatus(ctx.db, organizationId);
}

/** One of the organisation's referrals with its history; another organisation's id answers 404. */
export async function getOrganizationReferral(
  ctx: AppContext,
  organizationId: string,
  referralId: string,
): Promise<ReferralDetail> {
  const referral = await findOrgReferral(ctx.db, organizationId, referralId);
  if (!referral) throw notFound("Referral");
  const [shown] = await applyFriendVisibility(ctx.db, [referral], {
    role: "partner",
    partnerOrganizationId: organizationId,
  });
  return { ...shown!, history: await findStatusHistory(ctx.db, referral.id, false) };
}

/**
 * A new user signed up: link them to the referral that brought them (the code's owner's referral of
 * their e-mail, else the first valid referral of their e-mail by anyone), or record one for the
 * code's owner. The friend's visibility choice is saved, and the referrer hears "Mei signed up" only
 * when the friend shares that much. Runs in the sign-up's transaction, so a failure undoes the
 * sign-up (the person retries) instead of losing the attribution; an unknown code is no failure.
 */
export async function attributeSignupReferral(
  ctx: AppContext,
  tx: Tx,
  user: { id: string; email: string; name: string },
  choice: { code?: string | undefined; visibility?: ReferrerVisibilityLevel | undefined },
): Promise<void> {
  const level = choice.visibility ?? DEFAULT_REFERRER_VISIBILITY;
  if (choice.visibility) await chooseVisibilityAtSignUp(tx, user.id, choice.visibility);
  const owner = choice.code ? await findOwnerOfCode(ctx, tx, user, choice.code) : null;
  const existing = owner
    ? await findReferralByEmailForUpdate(tx, owner.id, user.email)
    : await findFirstValidReferralOfEmail(tx, user.email);
  if (existing) {
    if (existing.referredUserId) return;
    await setReferredUser(tx, existing.id, user.id);
    // Converted before the friend joined: it leads to the case sign-up just opened.
    if (existing.status === "converted") await linkReferralToFriendCase(tx, existing.id, user.id);
    await recordEvent(tx, {
      name: "referral_signed_up",
      userId: existing.referrerId,
      properties: { referralId: existing.id, referredUserId: user.id },
    });
    if (signUpIsShared(level)) await notifySignedUp(ctx, tx, existing);
    return;
  }
  if (!owner) return;
  const now = new Date();
  const values: NewReferral = {
    referrerId: owner.id,
    fullName: user.name,
    email: user.email.toLowerCase(),
    source: "signup",
    partnerOrganizationId: owner.role === "partner" ? owner.partnerOrganizationId : null,
    referredUserId: user.id,
    createdAt: now,
    contactBy: await referralContactDeadline(ctx, tx, now),
  };
  const referral = await insertReferral(tx, values);
  if (!referral) {
    // The owner referred this email concurrently: link that referral instead.
    const raced = await findReferralByEmailForUpdate(tx, owner.id, user.email);
    if (raced && !raced.referredUserId) await setReferredUser(tx, raced.id, user.id);
    return;
  }
  await recordReferralCreated(
    ctx,
    tx,
    referral,
    null,
    signUpIsShared(level)
      ? `${user.name} signed up with your referral code.`
      : "Someone used your referral code.",
  );
}

async function findOwnerOfCode(ctx: AppContext, tx: Tx, user: { id: string; email: string }, code: string) {
  const normalized = code.trim().toUpperCase();
  const owner = await findAccountByReferralCode(tx, normalized);
  if (!owner) {
    ctx.logger.warn({ userId: user.id, code: normalized }, "sign-up with an unknown referral code");
    return null;
  }
  if (owner.id === user.id || owner.email.toLowerCase() === user.email.toLowerCase()) return null;
  return owner;
}

async function notifySignedUp(ctx: AppContext, tx: Tx, referral: ReferralRow): Promise<void> {
  await enqueueNotification(ctx, tx, {
    userId: referral.referrerId,
    type: "referral",
    title: "Your referral joined",
    body: `${referral.fullName} signed up.`,
    message: { key: "referral.friend_signed_up", params: { name: referral.fullName } },
    data: { kind: "referral", referralId: referral.id, status: referral.status },
    dedupeKey: `referral-signup:${referral.id}`,
  });
}
