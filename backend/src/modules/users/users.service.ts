import { isStaffRole, nextVisaStage, VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import {
  defaultUserPreferences,
  mergePreferences,
  type UpdateProfileData,
  type UserProfile,
} from "@referral-app/shared/schemas/user";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { recordEvent } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { deleteFilesOf } from "../files/files.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import {
  findUserProfile,
  findUserRow,
  findVisaApplication,
  findVisaProgress,
  moveVisaStage,
  openVisaApplication,
  updateUser,
} from "./users.repository.ts";

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

/** Every client has one case, opened at the first stage in the sign-up's transaction. Safe to call twice. */
export function openVisaCase(tx: Tx, userId: string): Promise<void> {
  return openVisaApplication(tx, userId);
}

/** A case's progress, or null when the user has none (staff and partners are not clients). */
export function findVisaProgressOf(ctx: AppContext, userId: string): Promise<VisaProgress | null> {
  return findVisaProgress(ctx.db, userId);
}

/** The case as `viewer` may see it: who moved it is for staff only. */
export async function getVisaProgress(ctx: AppContext, viewer: Actor, userId: string): Promise<VisaProgress> {
  let progress = await findVisaProgress(ctx.db, userId);
  // A client without a case (created before cases, or by a path that skipped sign-up) gets one now.
  if (!progress && (await findUserRow(ctx.db, userId))?.role === "client") {
    await openVisaApplication(ctx.db, userId);
    progress = await findVisaProgress(ctx.db, userId);
  }
  if (!progress) throw notFound("Visa case");
  if (isStaffRole(viewer.role)) return progress;
  return { ...progress, history: progress.history.map(({ changedBy: _staff, ...change }) => change) };
}

const stageName = (id: VisaStageId) => VISA_STAGES.find((stage) => stage.id === id)!.name;

/**
 * Staff move a client's case: to the next stage (`to` omitted) or to any stage. The history row,
 * the client's notification, the analytics event and the audit entry commit together.
 */
export async function changeVisaStage(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { to?: VisaStageId; note?: string | undefined },
): Promise<VisaProgress> {
  await ctx.db.transaction(async (tx) => {
    const application = await findVisaApplication(tx, userId, { forUpdate: true });
    if (!application) throw notFound("Visa case");
    const from = application.currentStage;
    const to = input.to ?? nextVisaStage(from);
    if (!to) throw new DomainError("INVALID_TRANSITION", "The case is already at the last stage");
    if (to === from) throw new DomainError("INVALID_TRANSITION", `The case is already at ${stageName(to)}`);
    const note = input.note?.trim() || null;
    await moveVisaStage(tx, {
      applicationId: application.id,
      fromStage: from,
      toStage: to,
      note,
      changedBy: actor.id,
    });
    await enqueueNotification(ctx, tx, {
      userId,
      type: "status_update",
      title: `Your case moved to ${stageName(to)}`,
      body: note
        ? `Your visa case is now at ${stageName(to)}. ${note}`
        : `Your visa case is now at ${stageName(to)}.`,
      data: { kind: "visa_stage", fromStage: from, toStage: to },
      dedupeKey: `visa-stage:${application.id}:${Date.now()}:${to}`,
    });
    await recordEvent(tx, { name: "visa_stage_changed", userId, properties: { from, to, by: actor.id } });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "visa.stage_changed",
      entityType: "visa_application",
      entityId: application.id,
      before: { stage: from },
      after: { stage: to, note },
    });
  });
  return getVisaProgress(ctx, actor, userId);
}
