import type { VisaStageId } from "@referral-app/shared/constants";
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
import { changePrimaryCaseStage, getPrimaryCaseProgress } from "../cases/cases.service.ts";
import { deleteFilesOf } from "../files/files.service.ts";
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

export async function updateProfile(
  ctx: AppContext,
  userId: string,
  data: UpdateProfileData,
): Promise<UserProfile> {
  await ctx.db.transaction(async (tx) => {
    const row = await findUserRow(tx, userId);
    if (!row) throw notFound("User");
    // A picture given as a link (or none) replaces an uploaded one, which nothing points at any more.
    if (data.profilePicture !== undefined) await deleteFilesOf(tx, userId, "profile_picture");
    await updateUser(tx, userId, {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.phone !== undefined ? { phone: data.phone } : {}),
      ...(data.country !== undefined ? { country: data.country } : {}),
      ...(data.profilePicture !== undefined ? { image: data.profilePicture } : {}),
      ...(data.preferences
        ? { preferences: mergePreferences(row.preferences ?? defaultUserPreferences(), data.preferences) }
        : {}),
    });
  });
  return getProfile(ctx, userId);
}

/** The seed's visa progress: the client's primary case (the most recent open one). */
export function getVisaProgress(ctx: AppContext, actor: Actor, userId: string): Promise<VisaProgress> {
  return getPrimaryCaseProgress(ctx, actor, userId);
}

/** Staff move a client's primary case: to the next stage (`to` omitted) or to any stage. */
export function changeVisaStage(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { to?: VisaStageId; note?: string | undefined },
): Promise<VisaProgress> {
  return changePrimaryCaseStage(ctx, actor, userId, input);
}
