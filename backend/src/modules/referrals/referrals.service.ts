import { isStaffRole } from "@referral-app/shared/constants";
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
  findReferral,
  findReferralByEmailForUpdate,
  findStatusHistory,
  insertCreatedHistoryAndEvent,
  insertReferral,
  listRecentReferrals,
  listUserReferrals,
  type NewReferral,
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
      return {
        statusCode: 201,
        body: referral,
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
  userId: string,
  query: UserReferralsQuery,
): Promise<{ items: Referral[]; total: number }> {
  return listUserReferrals(ctx.db, userId, query);
}

export function listRecentReferralsOf(
  ctx: AppContext,
  referrerId: string,
  limit: number,
): Promise<Referral[]> {
  return listRecentReferrals(ctx.db, referrerId, limit);
}

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
  return { ...referral, history: await findStatusHistory(ctx.db, referral.id, isStaffRole(actor.role)) };
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
  return { items, nextCursor: next ? encodeCursor(next) : null };
}

/** A partner organisation's referrals: a page with totals when `page` is given, else a cursor page. */
export async function listOrganizationReferrals(
  ctx: AppContext,
  organizationId: string,
  query: OrgReferralFilter & { page?: number | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: Referral[]; nextCursor: string | null; total?: number }> {
  const filter = { status: query.status, q: query.q, limit: query.limit };
  if (query.page !== undefined) {
    const { items, total } = await listOrgReferralsByPage(ctx.db, organizationId, {
      ...filter,
      page: query.page,
    });
    return { items, nextCursor: null, total };
  }
  return listOrgReferralsByCursor(ctx.db, organizationId, {
    ...filter,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
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
  return { ...referral, history: await findStatusHistory(ctx.db, referral.id, false) };
}

/**
 * A new user signed up with a friend's code: link them to the referral the code's owner made
 * for their email, or record one for the owner. Runs in the sign-up's transaction, so a failure
 * undoes the sign-up (the person retries) instead of losing the attribution; an unknown code is
 * no failure.
 */
export async function attributeSignupReferral(
  ctx: AppContext,
  tx: Tx,
  user: { id: string; email: string; name: string },
  code: string,
): Promise<void> {
  const normalized = code.trim().toUpperCase();
  const owner = await findAccountByReferralCode(tx, normalized);
  if (!owner) {
    ctx.logger.warn({ userId: user.id, code: normalized }, "sign-up with an unknown referral code");
    return;
  }
  if (owner.id === user.id || owner.email.toLowerCase() === user.email.toLowerCase()) return;
  const existing = await findReferralByEmailForUpdate(tx, owner.id, user.email);
  if (existing) {
    if (existing.referredUserId) return;
    await setReferredUser(tx, existing.id, user.id);
    // Converted before the friend joined: it leads to the case sign-up just opened.
    if (existing.status === "converted") await linkReferralToFriendCase(tx, existing.id, user.id);
    await recordEvent(tx, {
      name: "referral_signed_up",
      userId: owner.id,
      properties: { referralId: existing.id, referredUserId: user.id },
    });
    await enqueueNotification(ctx, tx, {
      userId: owner.id,
      type: "referral",
      title: "Your referral joined",
      body: `${existing.fullName} signed up with your referral code.`,
      data: { kind: "referral", referralId: existing.id, status: existing.status },
      dedupeKey: `referral-signup:${existing.id}`,
    });
    return;
  }
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
  await recordReferralCreated(ctx, tx, referral, null, `${user.name} signed up with your referral code.`);
}
