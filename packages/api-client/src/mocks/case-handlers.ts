import { VISA_STAGES } from "@referral-app/shared/constants";
import {
  adminCaseListQuerySchema,
  type CaseSummary,
  type CaseTimelineEntry,
  caseSummarySchema,
  createCaseNoteSchema,
  createCaseTaskSchema,
  inviteStaffSchema,
  setCaseOutcomeSchema,
  setCaseStageSchema,
  updateCaseSchema,
  updateStaffSchema,
  type VisaCase,
} from "@referral-app/shared/schemas/case";
import { HttpResponse, http } from "msw";
import { caseStages } from "./case-fixtures.ts";
import { isOwnUser, type MockStore } from "./mock-store.ts";
import { fail, invalid, ok, readJson } from "./respond.ts";

const summary = (visaCase: VisaCase): CaseSummary => caseSummarySchema.parse(visaCase);

function findCase(store: MockStore, id: unknown): VisaCase | undefined {
  return store.cases.find((entry) => entry.id === id);
}

function replaceCase(store: MockStore, updated: VisaCase): VisaCase {
  store.cases = store.cases.map((entry) => (entry.id === updated.id ? updated : entry));
  return updated;
}

function addTimeline(
  store: MockStore,
  caseId: string,
  kind: CaseTimelineEntry["kind"],
  summaryText: string,
  data: Record<string, unknown>,
  visibility: CaseTimelineEntry["visibility"] = "client",
): void {
  store.caseTimeline.unshift({
    id: crypto.randomUUID(),
    kind,
    summary: summaryText,
    data: { caseId, ...data },
    actorName: "Priya Shah",
    visibility,
    createdAt: store.now().toISOString(),
  });
}

/** Recounts a case's open and overdue tasks after a task changes. */
function withTaskCounts(store: MockStore, visaCase: VisaCase): VisaCase {
  const open = store.caseTasks.filter((task) => task.caseId === visaCase.id && task.state === "open");
  return { ...visaCase, openTasks: open.length, overdueTasks: open.filter((task) => task.overdue).length };
}

/** The client's side of cases (only the demo user's own) and the staff side under /admin. */
export function caseHandlers(store: MockStore, url: (path: string) => string) {
  return [
    http.get(url("users/:id/cases"), ({ params }) =>
      isOwnUser(store, params.id)
        ? ok([...store.cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(summary))
        : fail("NOT_FOUND", "User not found"),
    ),
    http.get(url("users/:id/tasks"), ({ params, request }) => {
      if (!isOwnUser(store, params.id)) return fail("NOT_FOUND", "User not found");
      const state = new URL(request.url).searchParams.get("state");
      return ok(
        store.caseTasks.filter((task) => task.assignee.kind === "client" && (!state || task.state === state)),
      );
    }),
    http.get(url("cases/:id"), ({ params }) => {
      const visaCase = findCase(store, params.id);
      return visaCase ? ok(visaCase) : fail("NOT_FOUND", "Case not found");
    }),
    http.get(url("cases/:id/notes"), ({ params }) =>
      findCase(store, params.id)
        ? ok(store.caseNotes.filter((note) => note.caseId === params.id && note.visibility === "client"))
        : fail("NOT_FOUND", "Case not found"),
    ),
    http.get(url("cases/:id/tasks"), ({ params }) =>
      findCase(store, params.id)
        ? ok(store.caseTasks.filter((task) => task.caseId === params.id))
        : fail("NOT_FOUND", "Case not found"),
    ),
    http.get(url("cases/:id/timeline"), ({ params }) =>
      findCase(store, params.id)
        ? ok(store.caseTimeline.filter((entry) => entry.data.caseId === params.id))
        : fail("NOT_FOUND", "Case not found"),
    ),
    http.post(url("tasks/:id/complete"), ({ params }) => {
      const task = store.caseTasks.find((entry) => entry.id === params.id);
      if (!task) return fail("NOT_FOUND", "Task not found");
      if (task.state === "done") return ok(task);
      const done = {
        ...task,
        state: "done" as const,
        overdue: false,
        completedAt: store.now().toISOString(),
      };
      store.caseTasks = store.caseTasks.map((entry) => (entry.id === task.id ? done : entry));
      const visaCase = findCase(store, task.caseId);
      if (visaCase) replaceCase(store, withTaskCounts(store, visaCase));
      addTimeline(store, task.caseId, "task_completed", `Task done: ${task.title}`, {
        taskId: task.id,
        title: task.title,
      });
      return ok(done);
    }),
    http.get(url("visa-types"), () => ok(store.visaTypes)),

    // Staff
    http.get(url("admin/cases"), ({ request }) => {
      const query = adminCaseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
      const q = query.q?.toLowerCase();
      const rows = store.cases.filter(
        (entry) =>
          (query.state === "all" || (query.state === "decided") === entry.closed) &&
          (!query.stage || entry.currentStage === query.stage) &&
          (!query.visaTypeId || entry.visaType.id === query.visaTypeId) &&
          (!query.overdueTasks || entry.overdueTasks > 0) &&
          (!query.consultantId ||
            (query.consultantId === "unassigned"
              ? entry.consultant === null
              : entry.consultant?.id === (query.consultantId === "me" ? "staff-1" : query.consultantId))) &&
          (!q || entry.number.toLowerCase().includes(q) || entry.client.name.toLowerCase().includes(q)),
      );
      return HttpResponse.json({ status: "success", data: rows.map(summary), nextCursor: null });
    }),
    http.post(url("admin/cases/:id/stage"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      if (visaCase.closed) return fail("CASE_CLOSED", "This case is closed");
      const parsed = setCaseStageSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const now = store.now();
      const order = VISA_STAGES.find((stage) => stage.id === parsed.data.stage)?.order ?? 1;
      const moved = replaceCase(store, {
        ...visaCase,
        currentStage: parsed.data.stage,
        stageEnteredAt: now.toISOString(),
        percentComplete: ((order - 1) / VISA_STAGES.length) * 100,
        stages: caseStages(parsed.data.stage, new Date(visaCase.createdAt), now),
        history: [
          {
            id: crypto.randomUUID(),
            fromStage: visaCase.currentStage,
            toStage: parsed.data.stage,
            note: parsed.data.note ?? null,
            changedByName: "Priya Shah",
            createdAt: now.toISOString(),
          },
          ...visaCase.history,
        ],
        updatedAt: now.toISOString(),
      });
      addTimeline(store, moved.id, "stage_changed", "Stage changed", {
        fromStage: visaCase.currentStage,
        toStage: parsed.data.stage,
        note: parsed.data.note ?? null,
      });
      return ok(moved);
    }),
    http.post(url("admin/cases/:id/outcome"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      if (visaCase.closed) return fail("CASE_CLOSED", "This case is closed");
      const parsed = setCaseOutcomeSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      addTimeline(store, visaCase.id, "outcome_decided", "Outcome decided", { outcome: parsed.data.outcome });
      return ok(
        replaceCase(store, {
          ...visaCase,
          outcome: parsed.data.outcome,
          decidedAt: parsed.data.decidedAt,
          closed: true,
        }),
      );
    }),
    http.post(url("admin/cases/:id/reopen"), ({ params }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      addTimeline(store, visaCase.id, "reopened", "Case reopened", {}, "internal");
      return ok(replaceCase(store, { ...visaCase, outcome: null, decidedAt: null, closed: false }));
    }),
    http.patch(url("admin/cases/:id"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      const parsed = updateCaseSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const { consultantId, targetDate } = parsed.data;
      const member = store.staff.find((entry) => entry.id === consultantId);
      if (consultantId !== undefined)
        addTimeline(store, visaCase.id, "consultant_assigned", "Consultant assigned", {
          consultantName: member?.name ?? null,
        });
      return ok(
        replaceCase(store, {
          ...visaCase,
          consultant:
            consultantId === undefined
              ? visaCase.consultant
              : member
                ? { id: member.id, name: member.name, email: member.email }
                : null,
          targetDate: targetDate === undefined ? visaCase.targetDate : targetDate,
        }),
      );
    }),
    http.post(url("admin/cases/:id/notes"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      const parsed = createCaseNoteSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const note = {
        id: crypto.randomUUID(),
        caseId: visaCase.id,
        ...parsed.data,
        authorName: "Priya Shah",
        createdAt: store.now().toISOString(),
      };
      store.caseNotes.unshift(note);
      addTimeline(
        store,
        visaCase.id,
        "note_added",
        "Note added",
        { noteId: note.id, body: note.body },
        note.visibility,
      );
      return ok(note, 201);
    }),
    http.post(url("admin/cases/:id/tasks"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      const parsed = createCaseTaskSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const { assignee } = parsed.data;
      const member =
        assignee.kind === "staff" ? store.staff.find((entry) => entry.id === assignee.userId) : null;
      const task = {
        id: crypto.randomUUID(),
        caseId: visaCase.id,
        caseNumber: visaCase.number,
        title: parsed.data.title,
        assignee:
          assignee.kind === "client"
            ? { kind: "client" as const, name: visaCase.client.name }
            : { kind: "staff" as const, name: member?.name ?? "Staff", id: assignee.userId },
        dueAt: parsed.data.dueAt,
        state: "open" as const,
        overdue: new Date(parsed.data.dueAt) < store.now(),
        canComplete: true,
        completedAt: null,
        createdAt: store.now().toISOString(),
      };
      store.caseTasks.unshift(task);
      replaceCase(store, withTaskCounts(store, visaCase));
      addTimeline(store, visaCase.id, "task_created", "Task created", { taskId: task.id, title: task.title });
      return ok(task, 201);
    }),
    http.get(url("admin/staff"), () => ok(store.staff)),
    http.post(url("admin/staff/invite"), async ({ request }) => {
      const parsed = inviteStaffSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      if (store.staff.some((entry) => entry.email === parsed.data.email))
        return fail("CONFLICT", "Someone on staff already has this email");
      const member = {
        id: store.nextId(),
        ...parsed.data,
        active: true,
        invited: true,
        openCases: 0,
        createdAt: store.now().toISOString(),
      };
      store.staff.push(member);
      return ok(member, 201);
    }),
    http.patch(url("admin/staff/:id"), async ({ params, request }) => {
      const member = store.staff.find((entry) => entry.id === params.id);
      if (!member) return fail("NOT_FOUND", "Staff member not found");
      const parsed = updateStaffSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const updated = { ...member, ...parsed.data };
      store.staff = store.staff.map((entry) => (entry.id === member.id ? updated : entry));
      return ok(updated);
    }),
  ];
}
