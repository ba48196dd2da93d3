import { nextVisaStage, type VisaStageId } from "@referral-app/shared/constants";
import type {
  CaseNote,
  CaseTask,
  CreateCaseNoteData,
  CreateCaseTaskData,
  ReopenCaseData,
  SetCaseOutcomeData,
  SetCaseStageData,
  UpdateCaseData,
  VisaCase,
} from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { checkStageDocuments } from "../documents/documents.service.ts";
import { notifyReferrersOfProgress } from "../privacy/privacy.service.ts";
import { clawBackUnvestedRewards, vestRewardsForCase } from "../rewards/rewards.service.ts";
import {
  completeTaskRow,
  findTaskRow,
  insertNote,
  insertTask,
  listCaseTasks,
  listNotes,
} from "./case-activity.repository.ts";
import { findActiveStaff, markAssigned } from "./case-assignment.repository.ts";
import { recordCaseChange } from "./case-changes.ts";
import { getCase } from "./case-reads.service.ts";
import { stageName } from "./case-stages.ts";
import {
  type CaseRow,
  findCaseRow,
  findVisaTypeRow,
  insertStageChange,
  isOnCase,
  replaceDependants,
  updateCaseRow,
} from "./cases.repository.ts";

const OUTCOME_WORDS = { granted: "granted", refused: "refused", withdrawn: "withdrawn" } as const;

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION_ERROR", message, { fields: { [field]: [message] } });
}

/** The case locked for a change; a decided case answers CASE_CLOSED. */
async function openCaseForUpdate(tx: Tx, caseId: string): Promise<CaseRow> {
  const row = await findCaseRow(tx, caseId, { forUpdate: true });
  if (!row) throw notFound("Case");
  if (row.outcome !== null) {
    throw new DomainError("CASE_CLOSED", `Case ${row.number} is decided: reopen it to change it`);
  }
  return row;
}

/** Moves a locked open case to `to` (the next stage when omitted), with its timeline and notifications. */
export async function moveCaseStage(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  input: { to?: VisaStageId | undefined; note?: string | undefined; overrideDocuments?: boolean | undefined },
): Promise<void> {
  const from = row.currentStage;
  const to = input.to ?? nextVisaStage(from);
  if (!to) throw new DomainError("INVALID_TRANSITION", "The case is already at the last stage");
  if (to === from) throw new DomainError("INVALID_TRANSITION", `The case is already at ${stageName(to)}`);
  const note = input.note?.trim() || null;
  // Forward moves wait for the required documents of the stages left behind (or a staff override).
  await checkStageDocuments(tx, actor, {
    caseId: row.id,
    from,
    to,
    override: input.overrideDocuments === true,
    note,
  });
  const now = new Date();
  await updateCaseRow(tx, row.id, { currentStage: to, stageEnteredAt: now, lastReminderAt: null });
  // A referral reward may vest in parts as the friend's case moves forward.
  await vestRewardsForCase(ctx, tx, row.id, to);
  await insertStageChange(tx, {
    caseId: row.id,
    fromStage: from,
    toStage: to,
    note,
    changedBy: actor.id,
    createdAt: now,
  });
  await recordCaseChange(ctx, tx, {
    case: row,
    actorId: actor.id,
    kind: "stage_changed",
    summary: `Moved from ${stageName(from)} to ${stageName(to)}`,
    data: { fromStage: from, toStage: to, ...(note ? { note } : {}) },
    visibility: "client",
    audit: { action: "case.stage_changed", before: { stage: from }, after: { stage: to, note } },
    event: { name: "case_stage_changed", properties: { from, to, visaTypeId: row.visaTypeId } },
    notify: {
      to: "case",
      title: `Your case moved to ${stageName(to)}`,
      body: note
        ? `Case ${row.number} is now at ${stageName(to)}. ${note}`
        : `Case ${row.number} is now at ${stageName(to)}.`,
      message: {
        key: "case.stage_changed",
        params: { number: row.number, stage: to, ...(note ? { note } : {}) },
      },
      key: `stage:${now.getTime()}:${to}`,
    },
    at: now,
  });
  await notifyReferrersOfProgress(ctx, tx, {
    friendId: row.clientId,
    caseId: row.id,
    stage: to,
    key: `stage:${now.getTime()}:${to}`,
  });
}

export async function setCaseStage(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: SetCaseStageData,
): Promise<VisaCase> {
  await ctx.db.transaction(async (tx) => {
    const row = await openCaseForUpdate(tx, caseId);
    await moveCaseStage(ctx, tx, actor, row, {
      to: input.stage,
      note: input.note,
      overrideDocuments: input.overrideDocuments,
    });
  });
  return getCase(ctx, actor, caseId);
}

const HOUR_MS = 60 * 60 * 1000;

export async function setCaseOutcome(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: SetCaseOutcomeData,
): Promise<VisaCase> {
  // A calendar day from the staff member's own date field: today is the latest day anywhere (UTC+14).
  const latestToday = new Date(Date.now() + 14 * HOUR_MS).toISOString().slice(0, 10);
  if (input.decidedAt > latestToday) throw invalid("decidedAt", "The decision date cannot be in the future");
  await ctx.db.transaction(async (tx) => {
    const row = await openCaseForUpdate(tx, caseId);
    // The day the case was opened, in the earliest time zone (UTC-12).
    if (input.decidedAt < new Date(row.createdAt.getTime() - 12 * HOUR_MS).toISOString().slice(0, 10)) {
      throw invalid("decidedAt", "The decision date cannot be before the case was opened");
    }
    const note = input.note?.trim() || null;
    await updateCaseRow(tx, row.id, { outcome: input.outcome, decidedAt: input.decidedAt });
    if (input.outcome !== "granted") await clawBackUnvestedRewards(ctx, tx, row.id, input.outcome);
    const word = OUTCOME_WORDS[input.outcome];
    const decidedKey = Date.now();
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "outcome_decided",
      summary: `Decided: ${word} on ${input.decidedAt}`,
      data: { outcome: input.outcome, decidedAt: input.decidedAt, ...(note ? { note } : {}) },
      visibility: "client",
      audit: { action: "case.outcome_decided", before: { outcome: null }, after: { ...input, note } },
      event: {
        name: "case_decided",
        properties: { outcome: input.outcome, visaTypeId: row.visaTypeId, stage: row.currentStage },
      },
      notify: {
        to: "case",
        title: `Decision on case ${row.number}`,
        body: note ? `Your application was ${word}. ${note}` : `Your application was ${word}.`,
        message: {
          key: "case.decided",
          params: { number: row.number, outcome: input.outcome, ...(note ? { note } : {}) },
        },
        key: `outcome:${input.outcome}:${decidedKey}`,
      },
    });
    await notifyReferrersOfProgress(ctx, tx, {
      friendId: row.clientId,
      caseId: row.id,
      outcome: input.outcome,
      key: `outcome:${input.outcome}:${decidedKey}`,
    });
  });
  return getCase(ctx, actor, caseId);
}

/** Reopens a decided case: the only change a closed case takes, audited with its reason. */
export async function reopenCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: ReopenCaseData,
): Promise<VisaCase> {
  await ctx.db.transaction(async (tx) => {
    const row = await findCaseRow(tx, caseId, { forUpdate: true });
    if (!row) throw notFound("Case");
    if (row.outcome === null)
      throw new DomainError("INVALID_TRANSITION", `Case ${row.number} is not decided`);
    await updateCaseRow(tx, row.id, { outcome: null, decidedAt: null });
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "reopened",
      summary: `Reopened (was ${OUTCOME_WORDS[row.outcome]})`,
      data: { previousOutcome: row.outcome, previousDecidedAt: row.decidedAt, reason: input.reason },
      visibility: "internal",
      audit: {
        action: "case.reopened",
        before: { outcome: row.outcome, decidedAt: row.decidedAt },
        after: { outcome: null, reason: input.reason },
      },
      event: { name: "case_reopened", properties: { previousOutcome: row.outcome } },
      notify: {
        to: "case",
        title: `Case ${row.number} reopened`,
        body: "Your consultant reopened your case; it is open again.",
        message: { key: "case.reopened", params: { number: row.number } },
        key: `reopened:${Date.now()}`,
      },
    });
  });
  return getCase(ctx, actor, caseId);
}

/** Staff change the consultant, dates, visa type or dependants. */
export async function updateCase(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: UpdateCaseData,
): Promise<VisaCase> {
  if (Object.keys(input).length === 0) throw new DomainError("VALIDATION_ERROR", "Nothing to change");
  await ctx.db.transaction(async (tx) => {
    const row = await openCaseForUpdate(tx, caseId);
    if (input.consultantId !== undefined && input.consultantId !== row.consultantId) {
      await reassign(ctx, tx, actor, row, input.consultantId);
    }
    const changes: Partial<CaseRow> = {};
    if (input.targetDate !== undefined) changes.targetDate = input.targetDate;
    if (input.destinationCountry !== undefined) changes.destinationCountry = input.destinationCountry;
    if (input.visaTypeId !== undefined && input.visaTypeId !== row.visaTypeId) {
      const type = await findVisaTypeRow(tx, input.visaTypeId);
      if (!type?.active) throw invalid("visaTypeId", "Choose a visa type from the catalogue");
      changes.visaTypeId = type.id;
    }
    if (input.dependants) await replaceDependants(tx, row.id, row.clientId, input.dependants);
    const fields = [...Object.keys(changes), ...(input.dependants ? ["dependants"] : [])];
    if (fields.length === 0) return;
    await updateCaseRow(tx, row.id, changes);
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, row[key as keyof CaseRow]]));
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "details_changed",
      summary: `Changed ${fields.join(", ")}`,
      data: { fields },
      visibility: "client",
      audit: {
        action: "case.updated",
        before,
        after: { ...changes, ...(input.dependants ? { dependants: input.dependants.length } : {}) },
      },
      event: { name: "case_updated", properties: { fields } },
    });
  });
  return getCase(ctx, actor, caseId);
}

async function reassign(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  consultantId: string | null,
): Promise<void> {
  const next = consultantId ? await findActiveStaff(tx, consultantId) : null;
  if (consultantId && !next) throw invalid("consultantId", "Choose an active staff member");
  const previous = row.consultantId ? await findActiveStaff(tx, row.consultantId) : null;
  const now = new Date();
  await updateCaseRow(tx, row.id, { consultantId: next?.id ?? null });
  if (next) await markAssigned(tx, next.id, now);
  await recordCaseChange(ctx, tx, {
    case: row,
    actorId: actor.id,
    kind: "consultant_assigned",
    summary: next ? `Assigned to ${next.name}` : "Unassigned",
    // Names only: this entry is shown to the client.
    data: { consultantName: next?.name ?? null, previousConsultantName: previous?.name ?? null },
    visibility: "client",
    audit: {
      action: "case.reassigned",
      before: { consultantId: row.consultantId },
      after: { consultantId: next?.id ?? null },
    },
    event: { name: "case_reassigned", properties: { from: row.consultantId, to: next?.id ?? null } },
    notify: {
      to: [...(next ? [next.id] : []), ...(row.consultantId ? [row.consultantId] : [])],
      type: "system",
      title: `Case ${row.number} reassigned`,
      body: next
        ? `Case ${row.number} is now with ${next.name}${previous ? ` (was ${previous.name})` : ""}.`
        : `Case ${row.number} no longer has a consultant.`,
      message: {
        key: "case.reassigned",
        params: {
          number: row.number,
          ...(next ? { name: next.name } : {}),
          ...(previous ? { previous: previous.name } : {}),
        },
      },
      key: `reassigned:${now.getTime()}`,
    },
    at: now,
  });
}

export async function addCaseNote(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: CreateCaseNoteData,
): Promise<CaseNote> {
  const noteId = await ctx.db.transaction(async (tx) => {
    const row = await openCaseForUpdate(tx, caseId);
    const id = await insertNote(tx, { caseId: row.id, authorId: actor.id, ...input });
    const forClient = input.visibility === "client";
    const excerpt = input.body.length > 140 ? `${input.body.slice(0, 139)}…` : input.body;
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "note_added",
      summary: forClient ? "Note for the client" : "Internal note",
      data: { noteId: id },
      visibility: input.visibility,
      audit: { action: "case.note_added", after: { noteId: id, visibility: input.visibility } },
      event: { name: "case_note_added", properties: { visibility: input.visibility } },
      ...(forClient
        ? {
            notify: {
              to: "case" as const,
              title: `New note on case ${row.number}`,
              body: excerpt,
              message: { key: "case.note_added", params: { number: row.number, excerpt } },
              key: `note:${id}`,
            },
          }
        : {}),
    });
    return id;
  });
  const notes = await listNotes(ctx.db, caseId, { clientVisibleOnly: false });
  return notes.find((note) => note.id === noteId)!;
}

export async function addCaseTask(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: CreateCaseTaskData,
): Promise<CaseTask> {
  const taskId = await ctx.db.transaction(async (tx) => {
    const row = await openCaseForUpdate(tx, caseId);
    let assigneeId = row.clientId;
    if (input.assignee.kind === "staff") {
      const member = await findActiveStaff(tx, input.assignee.userId);
      if (!member) throw invalid("assignee.userId", "Choose an active staff member");
      assigneeId = member.id;
    }
    const id = await insertTask(tx, {
      caseId: row.id,
      title: input.title,
      assigneeKind: input.assignee.kind,
      assigneeId,
      dueAt: new Date(input.dueAt),
      createdBy: actor.id,
    });
    const forClient = input.assignee.kind === "client";
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "task_created",
      summary: `Task: ${input.title}`,
      data: { taskId: id, title: input.title, dueAt: input.dueAt, assigneeKind: input.assignee.kind },
      visibility: forClient ? "client" : "internal",
      audit: { action: "case.task_created", after: { taskId: id, assigneeId, dueAt: input.dueAt } },
      event: { name: "case_task_created", properties: { assigneeKind: input.assignee.kind } },
      notify: {
        to: [assigneeId],
        type: "reminder",
        title: "New task",
        body: `${input.title} (case ${row.number}), due ${input.dueAt.slice(0, 10)}.`,
        message: {
          key: "case.task_created",
          params: { number: row.number, title: input.title, due: input.dueAt },
        },
        key: `task:${id}`,
      },
    });
    return id;
  });
  const tasks = await listCaseTasks(ctx.db, caseId, undefined, { userId: actor.id, staff: true });
  return tasks.find((task) => task.id === taskId)!;
}

/** The assignee or staff complete a task; completing a done task again changes nothing. */
export async function completeTask(ctx: AppContext, actor: Actor, taskId: string): Promise<CaseTask> {
  const staff = actor.role === "staff" || actor.role === "admin";
  const caseId = await ctx.db.transaction(async (tx) => {
    const task = await findTaskRow(tx, taskId, { forUpdate: true });
    if (!task || (!staff && !(await isOnCase(tx, task.caseId, actor.id)))) throw notFound("Task");
    if (!staff && task.assigneeId !== actor.id) {
      throw new DomainError("FORBIDDEN", "Only the person it is assigned to can complete this task");
    }
    if (task.state === "done") return task.caseId;
    const row = await openCaseForUpdate(tx, task.caseId);
    const now = new Date();
    await completeTaskRow(tx, task.id, actor.id, now);
    await recordCaseChange(ctx, tx, {
      case: row,
      actorId: actor.id,
      kind: "task_completed",
      summary: `Done: ${task.title}`,
      data: { taskId: task.id, title: task.title },
      visibility: task.assigneeKind === "client" ? "client" : "internal",
      audit: { action: "case.task_completed", before: { state: "open" }, after: { state: "done" } },
      event: { name: "case_task_completed", properties: { assigneeKind: task.assigneeKind } },
      // The consultant hears when the client has done their part.
      ...(row.consultantId && task.assigneeKind === "client"
        ? {
            notify: {
              to: [row.consultantId],
              type: "system" as const,
              title: `Task done on case ${row.number}`,
              body: `${actor.name} completed "${task.title}".`,
              message: {
                key: "case.task_completed",
                params: { number: row.number, name: actor.name, title: task.title },
              },
              key: `task-done:${task.id}`,
            },
          }
        : {}),
      at: now,
    });
    return task.caseId;
  });
  const tasks = await listCaseTasks(ctx.db, caseId, undefined, { userId: actor.id, staff });
  return tasks.find((task) => task.id === taskId)!;
}

/**
 * The stage invoice was paid in full: the case moves to Payment if it was not there yet, and the
 * Payment stage (the last) completes. Runs in the payment's transaction; a second call does nothing.
 */
export async function completePaymentStage(
  ctx: AppContext,
  tx: Tx,
  input: { caseId: string; actor: Actor | null; invoiceId: string; invoiceNumber: string | null },
): Promise<boolean> {
  const row = await findCaseRow(tx, input.caseId, { forUpdate: true });
  if (!row || row.paymentCompletedAt !== null) return false;
  if (row.currentStage !== "payment" && row.outcome === null && input.actor) {
    // The money is in whatever the checklist says: with documents still missing the case stays where
    // it is (the gate throws before writing anything) and its Payment stage shows complete on arrival.
    try {
      await moveCaseStage(ctx, tx, input.actor, row, { to: "payment" });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "DOCUMENTS_MISSING")) throw error;
    }
  }
  const now = new Date();
  await updateCaseRow(tx, row.id, { paymentCompletedAt: now });
  const label = input.invoiceNumber ?? "the invoice";
  await recordCaseChange(ctx, tx, {
    case: row,
    actorId: input.actor?.id ?? null,
    kind: "payment_completed",
    summary: `Payment stage completed: ${label} paid in full`,
    data: { invoiceId: input.invoiceId, invoiceNumber: input.invoiceNumber },
    visibility: "client",
    audit: { action: "case.payment_completed", after: { invoiceId: input.invoiceId } },
    event: { name: "case_payment_completed", properties: { visaTypeId: row.visaTypeId } },
    notify: {
      to: "case",
      title: "Payment received: stage complete",
      body: `Thank you: ${label} is paid in full and the Payment stage of case ${row.number} is complete.`,
      key: `payment-completed:${input.invoiceId}`,
    },
    at: now,
  });
  return true;
}
