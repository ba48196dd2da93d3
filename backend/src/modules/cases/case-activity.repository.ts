import type {
  CaseNote,
  CaseTask,
  CaseTaskState,
  CaseTimelineEntry,
  CaseTimelineKind,
  NoteVisibility,
} from "@referral-app/shared/schemas/case";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import {
  caseNotes,
  cases,
  caseTasks,
  caseTimeline,
  conversationParticipants,
  conversations,
  messages,
  users,
} from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

// Notes, tasks and the timeline of a case.

const author = alias(users, "note_author");

export async function insertNote(
  db: DbOrTx,
  values: { caseId: string; authorId: string; body: string; visibility: NoteVisibility },
): Promise<string> {
  const [row] = await db.insert(caseNotes).values(values).returning({ id: caseNotes.id });
  return row!.id;
}

/** The case's notes, oldest first; `clientVisibleOnly` leaves internal ones out in the query itself. */
export async function listNotes(
  db: DbOrTx,
  caseId: string,
  options: { clientVisibleOnly: boolean },
): Promise<CaseNote[]> {
  const rows = await db
    .select({ note: caseNotes, authorName: author.name })
    .from(caseNotes)
    .leftJoin(author, eq(author.id, caseNotes.authorId))
    .where(
      and(
        eq(caseNotes.caseId, caseId),
        options.clientVisibleOnly ? eq(caseNotes.visibility, "client") : undefined,
      ),
    )
    .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id));
  return rows.map(({ note, authorName }) => ({
    id: note.id,
    caseId: note.caseId,
    body: note.body,
    visibility: note.visibility,
    authorName,
    createdAt: note.createdAt.toISOString(),
  }));
}

export async function insertTimelineEntry(
  db: DbOrTx,
  entry: {
    caseId: string;
    kind: CaseTimelineKind;
    summary: string;
    data: Record<string, unknown>;
    actorId: string | null;
    visibility: NoteVisibility;
    createdAt?: Date;
  },
): Promise<void> {
  await db.insert(caseTimeline).values(entry);
}

const actor = alias(users, "timeline_actor");

export async function listTimeline(
  db: DbOrTx,
  caseId: string,
  options: { clientVisibleOnly: boolean },
): Promise<CaseTimelineEntry[]> {
  const rows = await db
    .select({ entry: caseTimeline, actorName: actor.name })
    .from(caseTimeline)
    .leftJoin(actor, eq(actor.id, caseTimeline.actorId))
    .where(
      and(
        eq(caseTimeline.caseId, caseId),
        options.clientVisibleOnly ? eq(caseTimeline.visibility, "client") : undefined,
      ),
    )
    .orderBy(asc(caseTimeline.createdAt), asc(caseTimeline.id));
  return rows.map(({ entry, actorName }) => ({
    id: entry.id,
    kind: entry.kind,
    summary: entry.summary,
    data: entry.data,
    actorName,
    visibility: entry.visibility,
    createdAt: entry.createdAt.toISOString(),
  }));
}

const sender = alias(users, "message_sender");

/** How many of a case's newest consultation messages its timeline lists (the thread holds them all). */
export const TIMELINE_MESSAGE_LIMIT = 100;

/**
 * The case's consultation messages as timeline entries, for a participant of that conversation only
 * (the participant rule holds here too: nobody else sees even a first line). Deleted ones are left out.
 */
export async function listConsultationMessageEntries(
  db: DbOrTx,
  caseId: string,
  viewerId: string,
): Promise<CaseTimelineEntry[]> {
  const rows = await db
    .select({
      id: messages.id,
      conversationId: messages.conversationId,
      body: messages.body,
      createdAt: messages.createdAt,
      senderName: sender.name,
    })
    .from(messages)
    .innerJoin(
      conversations,
      and(
        eq(conversations.id, messages.conversationId),
        eq(conversations.caseId, caseId),
        eq(conversations.type, "consultation"),
      ),
    )
    .innerJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, conversations.id),
        eq(conversationParticipants.userId, viewerId),
      ),
    )
    .leftJoin(sender, eq(sender.id, messages.senderId))
    .where(isNull(messages.deletedAt))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(TIMELINE_MESSAGE_LIMIT);
  return rows.map((row) => {
    const firstLine = firstLineOf(row.body);
    return {
      id: row.id,
      kind: "message" as const,
      summary: `Message${row.senderName ? ` from ${row.senderName}` : ""}: ${firstLine}`,
      data: { conversationId: row.conversationId, messageId: row.id, firstLine },
      actorName: row.senderName,
      visibility: "client" as const,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

const FIRST_LINE_MAX = 140;

/** The first non-empty line, cut to a preview's length. */
function firstLineOf(body: string): string {
  const line = body.split("\n").find((item) => item.trim()) ?? "";
  const trimmed = line.trim();
  return trimmed.length > FIRST_LINE_MAX ? `${trimmed.slice(0, FIRST_LINE_MAX - 1)}…` : trimmed;
}

// ---- Tasks ----------------------------------------------------------------------------------------

export type TaskRow = typeof caseTasks.$inferSelect;

export async function insertTask(
  db: DbOrTx,
  values: {
    caseId: string;
    title: string;
    assigneeKind: "client" | "staff";
    assigneeId: string;
    dueAt: Date;
    createdBy: string;
  },
): Promise<string> {
  const [row] = await db.insert(caseTasks).values(values).returning({ id: caseTasks.id });
  return row!.id;
}

export async function findTaskRow(
  db: DbOrTx,
  taskId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TaskRow | null> {
  if (!isUuid(taskId)) return null;
  const query = db.select().from(caseTasks).where(eq(caseTasks.id, taskId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function completeTaskRow(db: DbOrTx, taskId: string, by: string, at: Date): Promise<void> {
  await db
    .update(caseTasks)
    .set({ state: "done", completedAt: at, completedBy: by })
    .where(eq(caseTasks.id, taskId));
}

const assignee = alias(users, "task_assignee");

/** Who reads a task list: staff see staff ids; anyone may complete the tasks they are assigned. */
export interface TaskViewer {
  userId: string;
  staff: boolean;
}

async function selectTasks(db: DbOrTx, where: SQL | undefined, viewer: TaskViewer): Promise<CaseTask[]> {
  const rows = await db
    .select({ task: caseTasks, caseNumber: cases.number, assigneeName: assignee.name })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .leftJoin(assignee, eq(assignee.id, caseTasks.assigneeId))
    .where(where)
    .orderBy(sql`${caseTasks.state} = 'done'`, asc(caseTasks.dueAt), asc(caseTasks.id));
  const now = Date.now();
  return rows.map(({ task, caseNumber, assigneeName }) => ({
    id: task.id,
    caseId: task.caseId,
    caseNumber,
    title: task.title,
    assignee: {
      kind: task.assigneeKind,
      name: assigneeName ?? "Former staff member",
      ...(viewer.staff && task.assigneeKind === "staff" && task.assigneeId ? { id: task.assigneeId } : {}),
    },
    dueAt: task.dueAt.toISOString(),
    state: task.state,
    overdue: task.state === "open" && task.dueAt.getTime() < now,
    canComplete: task.state === "open" && (viewer.staff || task.assigneeId === viewer.userId),
    completedAt: task.completedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
  }));
}

export function listCaseTasks(
  db: DbOrTx,
  caseId: string,
  state: CaseTaskState | undefined,
  viewer: TaskViewer,
): Promise<CaseTask[]> {
  return selectTasks(
    db,
    and(eq(caseTasks.caseId, caseId), state ? eq(caseTasks.state, state) : undefined),
    viewer,
  );
}

/** Tasks assigned to the user across their cases (the dashboard's "my open tasks"). */
export function listAssignedTasks(
  db: DbOrTx,
  userId: string,
  state: CaseTaskState | undefined,
  viewer: TaskViewer,
): Promise<CaseTask[]> {
  return selectTasks(
    db,
    and(eq(caseTasks.assigneeId, userId), state ? eq(caseTasks.state, state) : undefined),
    viewer,
  );
}

export interface OverdueTask {
  id: string;
  caseId: string;
  caseNumber: string;
  title: string;
  assigneeId: string;
  dueAt: Date;
}

/** Open tasks past due whose assignee has not been reminded today (UTC), oldest due first. */
export async function findTasksToRemind(db: DbOrTx, now: Date, today: string, limit: number) {
  const rows = await db
    .select({
      id: caseTasks.id,
      caseId: caseTasks.caseId,
      caseNumber: cases.number,
      title: caseTasks.title,
      assigneeId: caseTasks.assigneeId,
      dueAt: caseTasks.dueAt,
    })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        eq(caseTasks.state, "open"),
        // A decided case is closed: its tasks no longer remind anyone.
        sql`${cases.outcome} is null`,
        sql`${caseTasks.dueAt} < ${now}`,
        sql`${caseTasks.assigneeId} is not null`,
        sql`(${caseTasks.lastRemindedOn} is null or ${caseTasks.lastRemindedOn} < ${today}::date)`,
      ),
    )
    .orderBy(asc(caseTasks.dueAt), asc(caseTasks.id))
    .limit(limit);
  return rows as OverdueTask[];
}

/** Claims today's reminder for a task; false when it is done or another run reminded it today. */
export async function markTaskReminded(db: DbOrTx, taskId: string, today: string): Promise<boolean> {
  const rows = await db
    .update(caseTasks)
    .set({ lastRemindedOn: today })
    .where(
      and(
        eq(caseTasks.id, taskId),
        eq(caseTasks.state, "open"),
        sql`(${caseTasks.lastRemindedOn} is null or ${caseTasks.lastRemindedOn} < ${today}::date)`,
      ),
    )
    .returning({ id: caseTasks.id });
  return rows.length > 0;
}
