import type { DataExportState } from "@referral-app/shared/constants";
import type { DataExport } from "@referral-app/shared/schemas/privacy";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  caseNotes,
  caseStageHistory,
  cases,
  caseTasks,
  caseTimeline,
  dataExports,
  referrals,
  users,
} from "../../db/schema/index.ts";

type ExportRow = typeof dataExports.$inferSelect;

export function toDataExport(row: ExportRow, now = new Date()): DataExport {
  const live = row.state === "ready" && row.expiresAt !== null && row.expiresAt > now;
  return {
    id: row.id,
    jobId: row.jobId,
    state: row.state === "ready" && !live ? "expired" : row.state,
    sizeBytes: row.sizeBytes,
    downloadUrl: live ? `/api/users/${row.userId}/data-exports/${row.id}/download` : null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export async function insertExport(db: DbOrTx, userId: string, requestedBy: string): Promise<ExportRow> {
  const [row] = await db.insert(dataExports).values({ userId, requestedBy }).returning();
  return row!;
}

export async function setExportJob(db: DbOrTx, id: string, jobId: string | null): Promise<ExportRow> {
  const [row] = await db.update(dataExports).set({ jobId }).where(eq(dataExports.id, id)).returning();
  return row!;
}

export async function findExport(db: DbOrTx, id: string): Promise<ExportRow | null> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  return row ?? null;
}

export function listExports(db: DbOrTx, userId: string, limit = 20): Promise<ExportRow[]> {
  return db
    .select()
    .from(dataExports)
    .where(eq(dataExports.userId, userId))
    .orderBy(desc(dataExports.createdAt), desc(dataExports.id))
    .limit(limit);
}

/** Exports waiting or running for this user (one at a time is enough). */
export async function findPendingExport(db: DbOrTx, userId: string): Promise<ExportRow | null> {
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), inArray(dataExports.state, ["queued", "running"])))
    .limit(1);
  return row ?? null;
}

export async function updateExport(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<ExportRow, "fileId" | "sizeBytes" | "error" | "expiresAt" | "completedAt">> & {
    state: DataExportState;
  },
): Promise<void> {
  await db.update(dataExports).set(values).where(eq(dataExports.id, id));
}

/** Ready exports whose link has expired: their files go, the rows stay as history. */
export function listExpiredExports(db: DbOrTx, now: Date) {
  return db
    .select({ id: dataExports.id, fileId: dataExports.fileId })
    .from(dataExports)
    .where(and(eq(dataExports.state, "ready"), lt(dataExports.expiresAt, now)));
}

export async function exportProfile(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    emailVerified: row.emailVerified,
    role: row.role,
    phone: row.phone,
    country: row.country,
    referralCode: row.referralCode,
    preferences: row.preferences,
    profilePicture: row.image,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const iso = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

/** The client's cases with what the client sees of them (internal notes and entries stay with staff). */
export async function exportCases(db: DbOrTx, userId: string) {
  const own = await db.select().from(cases).where(eq(cases.clientId, userId)).orderBy(asc(cases.createdAt));
  const out = [];
  for (const row of own) {
    const [history, notes, tasks, timeline] = await Promise.all([
      db.select().from(caseStageHistory).where(eq(caseStageHistory.caseId, row.id)),
      db
        .select()
        .from(caseNotes)
        .where(and(eq(caseNotes.caseId, row.id), eq(caseNotes.visibility, "client"))),
      db.select().from(caseTasks).where(eq(caseTasks.caseId, row.id)),
      db
        .select()
        .from(caseTimeline)
        .where(and(eq(caseTimeline.caseId, row.id), eq(caseTimeline.visibility, "client"))),
    ]);
    out.push({
      ...iso(row),
      stageHistory: history.map(iso),
      notes: notes.map(iso),
      tasks: tasks.map(iso),
      timeline: timeline.map(iso),
    });
  }
  return out;
}

/** Referrals that named this person: who referred them and when (the referrer's private notes stay theirs). */
export async function exportReceivedReferrals(db: DbOrTx, userId: string) {
  const rows = await db
    .select({
      id: referrals.id,
      referrerName: users.name,
      fullName: referrals.fullName,
      email: referrals.email,
      phone: referrals.phone,
      relationship: referrals.relationship,
      status: referrals.status,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .innerJoin(users, eq(users.id, referrals.referrerId))
    .where(eq(referrals.referredUserId, userId));
  return rows.map(iso);
}
