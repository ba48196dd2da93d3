import { VISA_STAGES } from "@referral-app/shared/constants";
import {
  adminCaseListQuerySchema,
  type CaseAnalytics,
  type ConsultancySettings,
  createCaseNoteSchema,
  createCaseSchema,
  createCaseTaskSchema,
  createVisaTypeSchema,
  inviteStaffSchema,
  setCaseOutcomeSchema,
  setCaseStageSchema,
  updateCaseSchema,
  updateConsultancySettingsSchema,
  updateStaffSchema,
  updateVisaTypeSchema,
  type VisaCase,
} from "@referral-app/shared/schemas/case";
import { visaPercentComplete } from "@referral-app/shared/visa-progress";
import { HttpResponse, http } from "msw";
import { caseStages } from "./case-fixtures.ts";
import { addTimeline, findCase, newUuid, replaceCase, summary, withTaskCounts } from "./case-handlers.ts";
import type { MockStore } from "./mock-store.ts";
import { fail, invalid, ok, readJson } from "./respond.ts";

/** Counts from the store's cases; stage durations are a fixed example per visa type in use. */
function caseAnalytics(store: MockStore): CaseAnalytics {
  const types = [...new Map(store.cases.map((entry) => [entry.visaType.id, entry.visaType.name])).entries()];
  const consultants = store.staff.map((member) => {
    const open = store.cases.filter((entry) => !entry.closed && entry.consultant?.id === member.id);
    return {
      id: member.id,
      name: member.name,
      openCases: open.length,
      overdueTasks: open.reduce((total, entry) => total + entry.overdueTasks, 0),
    };
  });
  const outcomes = types.map(([visaTypeId, visaTypeName]) => {
    const decided = store.cases.filter((entry) => entry.visaType.id === visaTypeId);
    const count = (outcome: string) => decided.filter((entry) => entry.outcome === outcome).length;
    return {
      visaTypeId,
      visaTypeName,
      granted: count("granted"),
      refused: count("refused"),
      withdrawn: count("withdrawn"),
    };
  });
  const fromReferral = store.cases.filter((entry) => entry.fromReferral).length;
  return {
    stageDurations: types.flatMap(([visaTypeId, visaTypeName]) =>
      VISA_STAGES.slice(0, 3).map((stage, index) => ({
        visaTypeId,
        visaTypeName,
        stage: stage.id,
        cases: 3,
        medianDays: 4 + index * 3,
        p90Days: 9 + index * 5,
      })),
    ),
    consultants,
    outcomes,
    referralShare: {
      cases: store.cases.length,
      fromReferral,
      share: store.cases.length ? fromReferral / store.cases.length : 0,
    },
  };
}

/** The staff side under /admin: cases, staff, settings, the catalogue and case analytics. */
export function caseAdminHandlers(store: MockStore, url: (path: string) => string) {
  let settings: ConsultancySettings = {
    referralContactBusinessDays: 2,
    supportFirstResponseHours: 4,
    maxReferralsPerDay: 10,
    caseDocumentRetentionMonths: 24,
    invoiceRetentionYears: 7,
    notificationRetentionDays: 365,
    analyticsRetentionMonths: 13,
    businessName: "Referral Client App",
    businessAddress: "",
    logoDataUrl: null,
    tagline: "",
    taxRates: [],
    paymentInstructions: "",
  };
  return [
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
    http.post(url("admin/cases"), async ({ request }) => {
      const parsed = createCaseSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const visaType = store.visaTypes.find((entry) => entry.id === parsed.data.visaTypeId);
      if (parsed.data.clientId !== store.user.id || !visaType)
        return fail("NOT_FOUND", "Client or visa type not found");
      const member = store.staff.find((entry) => entry.id === parsed.data.consultantId) ?? store.staff[0];
      const now = store.now();
      const year = now.getUTCFullYear();
      const created: VisaCase = {
        id: newUuid(),
        number: `RC-${year}-${String(store.cases.length + 100).padStart(5, "0")}`,
        client: { id: store.user.id, name: store.user.name, email: store.user.email },
        visaType,
        destinationCountry: parsed.data.destinationCountry ?? visaType.destinationCountry,
        targetDate: parsed.data.targetDate ?? null,
        currentStage: "enquiry",
        stageEnteredAt: now.toISOString(),
        percentComplete: 0,
        consultant: member ? { id: member.id, name: member.name, email: member.email } : null,
        outcome: null,
        decidedAt: null,
        closed: false,
        applicantCount: 1,
        openTasks: 0,
        overdueTasks: 0,
        fromReferral: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        stages: caseStages("enquiry", now, now),
        history: [],
        applicants: [
          {
            id: newUuid(),
            kind: "principal",
            fullName: store.user.name,
            relationship: null,
            dateOfBirth: null,
            hasAccount: true,
            email: store.user.email,
          },
        ],
      };
      store.cases.unshift(created);
      addTimeline(store, created.id, "opened", "Case opened", {});
      return ok(created, 201);
    }),
    http.post(url("admin/cases/:id/stage"), async ({ params, request }) => {
      const visaCase = findCase(store, params.id);
      if (!visaCase) return fail("NOT_FOUND", "Case not found");
      if (visaCase.closed) return fail("CASE_CLOSED", "This case is closed");
      const parsed = setCaseStageSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const now = store.now();
      const _order = VISA_STAGES.find((stage) => stage.id === parsed.data.stage)?.order ?? 1;
      const moved = replaceCase(store, {
        ...visaCase,
        currentStage: parsed.data.stage,
        stageEnteredAt: now.toISOString(),
        percentComplete: visaPercentComplete(parsed.data.stage),
        stages: caseStages(parsed.data.stage, new Date(visaCase.createdAt), now),
        history: [
          {
            id: newUuid(),
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
        id: newUuid(),
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
        id: newUuid(),
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
    http.get(url("branding"), () =>
      ok({ name: settings.businessName, logoDataUrl: settings.logoDataUrl, tagline: settings.tagline }),
    ),
    http.get(url("admin/settings"), () => ok(settings)),
    http.patch(url("admin/settings"), async ({ request }) => {
      const parsed = updateConsultancySettingsSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      settings = { ...settings, ...parsed.data };
      return ok(settings);
    }),
    http.get(url("admin/analytics/cases"), () => ok(caseAnalytics(store))),
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
    http.post(url("admin/visa-types"), async ({ request }) => {
      const parsed = createVisaTypeSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const at = store.now().toISOString();
      const visaType = {
        id: newUuid(),
        ...parsed.data,
        destinationCountry: parsed.data.destinationCountry ?? null,
        documentRequirements: parsed.data.documentRequirements ?? [],
        active: true,
        createdAt: at,
        updatedAt: at,
      };
      store.visaTypes.push(visaType);
      return ok(visaType, 201);
    }),
    http.patch(url("admin/visa-types/:id"), async ({ params, request }) => {
      const visaType = store.visaTypes.find((entry) => entry.id === params.id);
      if (!visaType) return fail("NOT_FOUND", "Visa type not found");
      const parsed = updateVisaTypeSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const updated = { ...visaType, ...parsed.data, updatedAt: store.now().toISOString() };
      store.visaTypes = store.visaTypes.map((entry) => (entry.id === visaType.id ? updated : entry));
      return ok(updated);
    }),
  ];
}
