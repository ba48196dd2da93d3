import { isStaffRole, MARKETING_CONSENT_VERSION, type VisaStageId } from "@referral-app/shared/constants";
import {
  defaultUserPreferences,
  mergePreferences,
  type UpdateProfileData,
  type UserProfile,
} from "@referral-app/shared/schemas/user";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  changePrimaryCaseStage,
  findPrimaryCaseProgress,
  getPrimaryCaseProgress,
  openFirstCase,
} from "../cases/cases.service.ts";
import { deleteFilesOf, discardObjects } from "../files/files.service.ts";
import { setMarketingConsentIn } from "../privacy/privacy.service.ts";
import { findUserProfile, findUserRow, updateUser } from "./users.repository.ts";

/** A profile, or null when there is no such user (for callers with their own not-found answer). */
export function findProfile(ctx: AppContext, userId: string): Promise<UserProfile | null> {
  return findUserProfile(ctx.db, userId);
}

export async function getProfile(ctx: AppContext, userId: string): Promise<UserProfile> {
  const profile = await findUserProfile(ctx.db, userId);
  if (!profile) throw notFound("User");
  return profile;
}

/** Changes a profile; a change by anyone but its owner (staff) is audited with the fields' old and new values. */
export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  data: UpdateProfileData,
): Promise<UserProfile> {
  let replacedPicture: string[] = [];
  await ctx.db.transaction(async (tx) => {
    const row = await findUserRow(tx, userId);
    if (!row) throw notFound("User");
    if (actor.id !== userId) {
      const fields = { name: row.name, phone: row.phone, country: row.country, profilePicture: row.image };
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
        (key) => data[key] !== undefined && data[key] !== fields[key],
      );
      await writeAudit(tx, {
        actorId: actor.id,
        action: "user.profile_updated",
        entityType: "user",
        entityId: userId,
        before: Object.fromEntries(changed.map((key) => [key, fields[key]])),
        after: {
          ...Object.fromEntries(changed.map((key) => [key, data[key]])),
          ...(data.preferences ? { preferences: data.preferences } : {}),
        },
      });
    }
    // A picture given as a link (or none) replaces an uploaded one, which nothing points at any more.
    if (data.profilePicture !== undefined)
      replacedPicture = await deleteFilesOf(tx, userId, "profile_picture");
    const current = row.preferences ?? defaultUserPreferences();
    const preferences = data.preferences ? mergePreferences(current, data.preferences) : null;
    await updateUser(tx, userId, {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.phone !== undefined ? { phone: data.phone } : {}),
      ...(data.country !== undefined ? { country: data.country } : {}),
      ...(data.profilePicture !== undefined ? { image: data.profilePicture } : {}),
      ...(preferences ? { preferences } : {}),
    });
    // Promotional e-mail or push switched on or off is a marketing consent given or withdrawn.
    const promotionalOn = (p: typeof preferences) =>
      Boolean(p?.notifications.promotional.email || p?.notifications.promotional.push);
    if (preferences && promotionalOn(preferences) !== promotionalOn(current)) {
      await setMarketingConsentIn(
        tx,
        actor,
        userId,
        { granted: promotionalOn(preferences), textVersion: MARKETING_CONSENT_VERSION },
        { channels: false },
      );
    }
  });
  await discardObjects(ctx, replacedPicture);
  return getProfile(ctx, userId);
}

/**
 * The seed's visa progress: the client's primary case (the most recent open one). A client with no
 * case at all (an account made by a path that skipped sign-up) gets their first one now.
 */
export async function getVisaProgress(ctx: AppContext, actor: Actor, userId: string): Promise<VisaProgress> {
  const progress = await findPrimaryCaseProgress(ctx, userId, { staff: isStaffRole(actor.role) });
  if (progress) return progress;
  if ((await findUserRow(ctx.db, userId))?.role !== "client") throw notFound("Visa case");
  await openFirstCase(ctx, userId);
  return getPrimaryCaseProgress(ctx, actor, userId);
}

/** Staff move a client's primary case: to the next stage (`to` omitted) or to any stage. */
export function changeVisaStage(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { to?: VisaStageId; note?: string | undefined; overrideDocuments?: boolean | undefined },
): Promise<VisaProgress> {
  return changePrimaryCaseStage(ctx, actor, userId, input);
}
