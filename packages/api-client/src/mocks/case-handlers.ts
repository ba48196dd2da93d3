import {
  type CaseSummary,
  type CaseTimelineEntry,
  caseSummarySchema,
  type VisaCase,
} from "@referral-app/shared/schemas/case";
import { http } from "msw";
import { fixtureUuid } from "./case-fixtures.ts";
import { isOwnUser, type MockStore } from "./mock-store.ts";
import { fail, ok } from "./respond.ts";

// Valid UUIDs without relying on crypto.randomUUID (absent in some test runtimes).
let created = 1_000_000;
export const newUuid = () => fixtureUuid(++created);

export const summary = (visaCase: VisaCase): CaseSummary => caseSummarySchema.parse(visaCase);

export function findCase(store: MockStore, id: unknown): VisaCase | undefined {
  return store.cases.find((entry) => entry.id === id);
}

export function replaceCase(store: MockStore, updated: VisaCase): VisaCase {
  store.cases = store.cases.map((entry) => (entry.id === updated.id ? updated : entry));
  return updated;
}

export function addTimeline(
  store: MockStore,
  caseId: string,
  kind: CaseTimelineEntry["kind"],
  summaryText: string,
  data: Record<string, unknown>,
  visibility: CaseTimelineEntry["visibility"] = "client",
): void {
  store.caseTimeline.unshift({
    id: newUuid(),
    kind,
    summary: summaryText,
    data: { caseId, ...data },
    actorName: "Priya Shah",
    visibility,
    createdAt: store.now().toISOString(),
  });
}

/** Recounts a case's open and overdue tasks after a task changes. */
export function withTaskCounts(store: MockStore, visaCase: VisaCase): VisaCase {
  const open = store.caseTasks.filter((task) => task.caseId === visaCase.id && task.state === "open");
  return { ...visaCase, openTasks: open.length, overdueTasks: open.filter((task) => task.overdue).length };
}

/** The client's side of cases: only the demo user's own. */
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
    // The fixtures' visa types carry no detailed checklist: an empty one (tests add lines with server.use).
    http.get(url("cases/:id/documents"), ({ params }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      return ok({
        caseId: visaCase.id,
        currentStage: visaCase.currentStage,
        lines: [],
        sharing: null,
        maxBytes: 25 * 1024 * 1024,
      });
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
    http.get(url("visa-types"), ({ request }) =>
      ok(
        new URL(request.url).searchParams.get("includeRetired") === "true"
          ? store.visaTypes
          : store.visaTypes.filter((type) => type.active),
      ),
    ),
  ];
}
