import {
  type CaseOutcomeId,
  DEFAULT_REFERRER_VISIBILITY,
  isStaffRole,
  MARKETING_CONSENT_VERSION,
  REFERRER_VISIBILITY_LEVELS,
  type ReferrerVisibilityLevel,
  type VisaStageId,
} from "@referral-app/shared/constants";
import type {
  MarketingConsent,
  ReferrerVisibility,
  UpdateReferrerVisibilityData,
} from "@referral-app/shared/schemas/privacy";
import type { Referral } from "@referral-app/shared/schemas/referral";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { findMarketingConsent, insertConsent, setPromotionalChannels } from "./consent.repository.ts";
import {
  type FriendView,
  findFriendViews,
  findVisibility,
  listPartnerGrants,
  referralsOfFriend,
  referringOrganizations,
  replacePartnerGrants,
  saveVisibility,
  wasReferred,
} from "./visibility.repository.ts";

export {
  type FriendView,
  friendViewColumns,
  toFriendView,
} from "./visibility.repository.ts";

const rank = (level: ReferrerVisibilityLevel) => REFERRER_VISIBILITY_LEVELS.indexOf(level);
const atLeast = (level: ReferrerVisibilityLevel, floor: ReferrerVisibilityLevel) =>
  rank(level) >= rank(floor);

export async function getReferrerVisibility(ctx: AppContext, userId: string): Promise<ReferrerVisibility> {
  const [row, partners, referred] = await Promise.all([
    findVisibility(ctx.db, userId),
    listPartnerGrants(ctx.db, userId),
    wasReferred(ctx.db, userId),
  ]);
  return {
    level: row.level ?? DEFAULT_REFERRER_VISIBILITY,
    referred,
    partners,
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

/** Sets what the referrers may see; a partner grant must name an organisation that referred them. */
export async function updateReferrerVisibility(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  data: UpdateReferrerVisibilityData,
): Promise<ReferrerVisibility> {
  await ctx.db.transaction(async (tx) => {
    const before = await findVisibility(tx, userId);
    const beforeGrants = await listPartnerGrants(tx, userId);
    await saveVisibility(tx, userId, data.level);
    if (data.partners) {
      const allowed = new Set(await referringOrganizations(tx, userId));
      const unknown = data.partners.findIndex((grant) => !allowed.has(grant.organizationId));
      if (unknown >= 0) {
        throw new DomainError("VALIDATION_ERROR", "That partner did not refer you", {
          fields: { [`partners.${unknown}.organizationId`]: ["That partner did not refer you"] },
        });
      }
      // A grant below the general level would mean nothing: partners always see at least that.
      await replacePartnerGrants(
        tx,
        userId,
        data.partners.filter((grant) => rank(grant.level) > rank(data.level)),
      );
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: "privacy.visibility_changed",
      entityType: "user",
      entityId: userId,
      before: {
        level: before.level ?? DEFAULT_REFERRER_VISIBILITY,
        partners: beforeGrants.map(({ organizationId, level }) => ({ organizationId, level })),
      },
      after: { level: data.level, ...(data.partners ? { partners: data.partners } : {}) },
    });
  });
  return getReferrerVisibility(ctx, userId);
}

/** The choice made on the sign-up form, in the sign-up's transaction (audited like any change). */
export async function chooseVisibilityAtSignUp(
  tx: Tx,
  userId: string,
  level: ReferrerVisibilityLevel,
): Promise<void> {
  await saveVisibility(tx, userId, level);
  await writeAudit(tx, {
    actorId: userId,
    action: "privacy.visibility_changed",
    entityType: "user",
    entityId: userId,
    before: null,
    after: { level, at: "sign_up" },
  });
}

export async function visibilityLevelOf(db: DbOrTx, userId: string): Promise<ReferrerVisibilityLevel> {
  return (await findVisibility(db, userId)).level ?? DEFAULT_REFERRER_VISIBILITY;
}

/** Who reads a referral: staff see everything; a partner member reads their organisation's. */
export interface ReferralViewer {
  role: Actor["role"];
  partnerOrganizationId: string | null;
}

function levelFor(referral: Referral, view: FriendView, viewer: ReferralViewer): ReferrerVisibilityLevel {
  const level = view.level ?? DEFAULT_REFERRER_VISIBILITY;
  const partnerReads =
    referral.partnerOrganizationId !== null &&
    viewer.partnerOrganizationId === referral.partnerOrganizationId;
  if (partnerReads && view.grantLevel && rank(view.grantLevel) > rank(level)) return view.grantLevel;
  return level;
}

/**
 * Each referral as this viewer may see it: the friend's progress up to the level the friend chose
 * (for a partner, their grant when higher), with the review notice. At `nothing` the referrer
 * learns nothing of the friend's account: no link to it, no case.
 */
export async function applyFriendVisibility(
  db: DbOrTx,
  items: Referral[],
  viewer: ReferralViewer,
): Promise<Referral[]> {
  const views = await findFriendViews(
    db,
    items.map((item) => item.id),
  );
  return withFriendProgress(items, views, viewer);
}

/** applyFriendVisibility with the views already read (a referrer's page selects `friendViewColumns`). */
export function withFriendProgress(
  items: Referral[],
  views: Map<string, FriendView>,
  viewer: ReferralViewer,
): Referral[] {
  const staff = isStaffRole(viewer.role);
  return items.map((item) => {
    const view = views.get(item.id);
    if (!view) return item;
    const review = view.reviewState
      ? { state: view.reviewState, reason: view.reviewReason!, resolutionReason: view.resolutionReason }
      : null;
    if (!item.referredUserId) return { ...item, friend: null, review };
    const level = staff ? "stage_and_outcome" : levelFor(item, view, viewer);
    if (level === "nothing") return { ...item, referredUserId: null, caseId: null, friend: null, review };
    return {
      ...item,
      friend: {
        signedUp: true,
        stage: atLeast(level, "current_stage") ? view.stage : null,
        outcome: level === "stage_and_outcome" ? view.outcome : null,
      },
      review,
    };
  });
}

/**
 * The friend's case moved or was decided: each referrer (and partner) hears as much as the friend
 * allows ("Mei is at Assessment", "Mei's visa was granted"), in the referrer's own language.
 */
export async function notifyReferrersOfProgress(
  ctx: AppContext,
  tx: Tx,
  change: { friendId: string; caseId: string; stage?: VisaStageId; outcome?: CaseOutcomeId; key: string },
): Promise<void> {
  const referred = await referralsOfFriend(tx, change.friendId);
  if (referred.length === 0) return;
  const views = await findFriendViews(
    tx,
    referred.map((row) => row.id),
  );
  for (const row of referred) {
    const view = views.get(row.id);
    if (!view || view.reviewState === "open" || view.reviewState === "invalid") continue;
    // The referrer's notification follows the friend's general level (a partner grant shows on the portal).
    const level = view.level ?? DEFAULT_REFERRER_VISIBILITY;
    const outcomeShown = change.outcome && level === "stage_and_outcome";
    const stageShown = change.stage && atLeast(level, "current_stage");
    if (!outcomeShown && !stageShown) continue;
    await enqueueNotification(ctx, tx, {
      userId: row.referrerId,
      type: "referral",
      title: "Referral update",
      body: outcomeShown
        ? `${row.fullName}'s visa was ${change.outcome}.`
        : `${row.fullName} is at ${change.stage}.`,
      message: outcomeShown
        ? { key: "referral.friend_outcome", params: { name: row.fullName, outcome: change.outcome! } }
        : { key: "referral.friend_stage", params: { name: row.fullName, stage: change.stage! } },
      data: { kind: "referral", referralId: row.id },
      dedupeKey: `referral-progress:${row.id}:${change.key}`,
    });
  }
}

/** Whether the referrer may be told the friend signed up (the level chosen at sign-up). */
export function signUpIsShared(level: ReferrerVisibilityLevel): boolean {
  return atLeast(level, "signed_up");
}

export async function getMarketingConsent(ctx: AppContext, userId: string): Promise<MarketingConsent> {
  const row = await findMarketingConsent(ctx.db, userId);
  return {
    granted: row?.granted ?? false,
    textVersion: row?.textVersion ?? null,
    recordedAt: row?.createdAt.toISOString() ?? null,
  };
}

/**
 * Records a marketing opt-in or withdrawal with its time and the wording's version (append-only),
 * audited. Consent to an older wording is refused: the person must see the current text.
 */
export async function setMarketingConsentIn(
  tx: Tx,
  actor: Actor,
  userId: string,
  consent: { granted: boolean; textVersion: string },
  options: { channels?: boolean } = {},
): Promise<void> {
  if (consent.granted && consent.textVersion !== MARKETING_CONSENT_VERSION) {
    throw new DomainError("VALIDATION_ERROR", "The consent text has changed: read it again", {
      fields: { textVersion: [`The current version is ${MARKETING_CONSENT_VERSION}`] },
    });
  }
  await insertConsent(tx, { userId, kind: "marketing", ...consent });
  if (options.channels !== false) await setPromotionalChannels(tx, userId, consent.granted);
  await writeAudit(tx, {
    actorId: actor.id,
    action: consent.granted ? "consent.marketing_granted" : "consent.marketing_withdrawn",
    entityType: "user",
    entityId: userId,
    after: { textVersion: consent.textVersion },
  });
}

export async function setMarketingConsent(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  consent: { granted: boolean; textVersion: string },
): Promise<MarketingConsent> {
  await ctx.db.transaction((tx) => setMarketingConsentIn(tx, actor, userId, consent));
  return getMarketingConsent(ctx, userId);
}
