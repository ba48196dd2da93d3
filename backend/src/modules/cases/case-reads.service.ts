import { isStaffRole } from "@referral-app/shared/constants";
import type { CursorPage } from "@referral-app/shared/schemas/admin";
import type {
  adminCaseListQuerySchema,
  CaseNote,
  CaseSummary,
  CaseTask,
  CaseTaskListQuery,
  CaseTimelineEntry,
  VisaCase,
} from "@referral-app/shared/schemas/case";
import type { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor, pageOf } from "../../lib/cursor.ts";
import { notFound } from "../../lib/domain-error.ts";
import {
  listAssignedTasks,
  listCaseTasks,
  listConsultationMessageEntries,
  listNotes,
  listTimeline,
} from "./case-activity.repository.ts";
import { adminCasesQuery } from "./case-list.repository.ts";
import { stagesFromHistory } from "./case-stages.ts";
import {
  findSummary,
  findVisaTypeRow,
  isOnCase,
  listApplicants,
  listStageHistory,
  summariesOfQuery,
  toCaseSummary,
  toStageChange,
  toVisaType,
  type Viewer,
} from "./cases.repository.ts";

const viewerOf = (actor: Actor): Viewer => ({ staff: isStaffRole(actor.role) });

/**
 * The case if the caller may read it: staff, its client, or an applicant with an account.
 * Anyone else gets 404, as if it did not exist.
 */
async function readableCaseId(ctx: AppContext, actor: Actor, caseId: string): Promise<string> {
  if (isStaffRole(actor.role)) return caseId;
  if (actor.role === "client" && (await isOnCase(ctx.db, caseId, actor.id))) return caseId;
  throw notFound("Case");
}

export async function listCasesOf(ctx: AppContext, actor: Actor, userId: string): Promise<CaseSummary[]> {
  const rows = await summariesOfQuery(ctx.db, userId);
  return rows.map((row) => toCaseSummary(row, viewerOf(actor)));
}

export async function getCase(ctx: AppContext, actor: Actor, caseId: string): Promise<VisaCase> {
  await readableCaseId(ctx, actor, caseId);
  const summary = await findSummary(ctx.db, caseId);
  if (!summary) throw notFound("Case");
  const [visaType, history, applicants] = await Promise.all([
    findVisaTypeRow(ctx.db, summary.case.visaTypeId),
    listStageHistory(ctx.db, caseId),
    listApplicants(ctx.db, caseId),
  ]);
  return {
    ...toCaseSummary(summary, viewerOf(actor)),
    visaType: toVisaType(visaType!),
    stages: stagesFromHistory(summary.case.currentStage, history, summary.case.paymentCompletedAt),
    history: history.map(toStageChange),
    applicants,
  };
}

export async function getCaseTimeline(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseTimelineEntry[]> {
  await readableCaseId(ctx, actor, caseId);
  const [entries, messageEntries] = await Promise.all([
    listTimeline(ctx.db, caseId, { clientVisibleOnly: !isStaffRole(actor.role) }),
    listConsultationMessageEntries(ctx.db, caseId, actor.id),
  ]);
  if (messageEntries.length === 0) return entries;
  // Oldest first, like the stored entries (ISO strings of one format sort as times).
  return [...entries, ...messageEntries].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Internal notes are filtered out in the query for anyone but staff. */
export async function getCaseNotes(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseNote[]> {
  await readableCaseId(ctx, actor, caseId);
  return listNotes(ctx.db, caseId, { clientVisibleOnly: !isStaffRole(actor.role) });
}

export async function getCaseTasks(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  query: CaseTaskListQuery,
): Promise<CaseTask[]> {
  await readableCaseId(ctx, actor, caseId);
  return listCaseTasks(ctx.db, caseId, query.state, {
    userId: actor.id,
    staff: isStaffRole(actor.role),
  });
}

export function getAssignedTasks(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  query: CaseTaskListQuery,
): Promise<CaseTask[]> {
  return listAssignedTasks(ctx.db, userId, query.state, { userId: actor.id, staff: isStaffRole(actor.role) });
}

type ParsedListQuery = z.output<typeof adminCaseListQuerySchema>;

/** Staff: one keyset page of cases; `consultantId` takes `me` and `unassigned`. */
export async function listAllCases(
  ctx: AppContext,
  actor: Actor,
  query: ParsedListQuery,
): Promise<CursorPage<CaseSummary>> {
  const { cursor, consultantId, ...filters } = query;
  const rows = await adminCasesQuery(ctx.db, {
    ...filters,
    consultantId: consultantId === "me" ? actor.id : consultantId === "unassigned" ? null : consultantId,
    cursor: cursor ? decodeCursor(cursor) : undefined,
  });
  const page = pageOf(rows, query.limit, (row) => ({ t: row.cursorAt, id: row.case.id }));
  return {
    status: "success",
    data: page.items.map((row) => toCaseSummary(row, viewerOf(actor))),
    nextCursor: page.nextCursor,
  };
}
