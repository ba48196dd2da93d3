import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type {
  CaseNote,
  CaseStageChange,
  CaseTask,
  CaseTimelineEntry,
  StaffMember,
  VisaCase,
  VisaType,
} from "@referral-app/shared/schemas/case";
import type { UserProfile } from "@referral-app/shared/schemas/user";
import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { visaStageState } from "@referral-app/shared/visa-progress";

export interface CaseFixtures {
  visaTypes: VisaType[];
  cases: VisaCase[];
  caseNotes: CaseNote[];
  caseTasks: CaseTask[];
  caseTimeline: CaseTimelineEntry[];
  staff: StaffMember[];
}

/** A fixed, valid UUID per fixture so that tests can name them. */
export const fixtureUuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

/** The five stages of a case at `current`, each started `daysPerStage` after the one before. */
export function caseStages(current: VisaStageId, openedAt: Date, now: Date): VisaStage[] {
  const currentOrder = VISA_STAGES.find((stage) => stage.id === current)?.order ?? 1;
  const step = (now.getTime() - openedAt.getTime()) / currentOrder;
  const at = (order: number) => new Date(openedAt.getTime() + (order - 1) * step).toISOString();
  return VISA_STAGES.map((stage) => {
    const status = visaStageState(stage.id, current);
    return {
      id: stage.id,
      name: stage.name,
      order: stage.order,
      status,
      completed: status === "completed",
      startedAt: status === "upcoming" ? null : at(stage.order),
      completedAt: status === "completed" ? at(stage.order + 1) : null,
    };
  });
}

function historyOf(caseId: number, stages: VisaStage[], consultant: string): CaseStageChange[] {
  return stages
    .filter((stage) => stage.startedAt)
    .map((stage, index) => ({
      id: fixtureUuid(caseId * 100 + index),
      fromStage: index === 0 ? null : (VISA_STAGES[index - 1]?.id ?? null),
      toStage: stage.id,
      note: index === 0 ? null : `We moved your case to ${stage.name}.`,
      changedByName: index === 0 ? null : consultant,
      createdAt: stage.startedAt ?? "",
    }))
    .reverse();
}

/**
 * The demo client's cases: a student visa in progress (notes of both kinds, an open, an overdue and
 * a done task) and a visitor visa that was granted.
 */
export function createCaseFixtures(user: UserProfile, now: Date): CaseFixtures {
  const iso = (date: Date) => date.toISOString();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const daysAhead = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const created = iso(daysAgo(200));
  const visaTypes: VisaType[] = [
    {
      id: fixtureUuid(1),
      name: "Student visa (subclass 500)",
      destinationCountry: "AU",
      description: "Study full time at a registered institution.",
      stageDocuments: { assessment: ["Passport", "Offer letter"], application: ["Health insurance"] },
      documentRequirements: [],
      active: true,
      createdAt: created,
      updatedAt: created,
    },
    {
      id: fixtureUuid(2),
      name: "Visitor visa (subclass 600)",
      destinationCountry: "AU",
      description: "Visit family or travel for up to twelve months.",
      stageDocuments: {},
      documentRequirements: [],
      active: true,
      createdAt: created,
      updatedAt: created,
    },
    {
      id: fixtureUuid(3),
      name: "Skilled worker visa",
      destinationCountry: "GB",
      description: "Work for an approved employer.",
      stageDocuments: {},
      documentRequirements: [],
      active: true,
      createdAt: created,
      updatedAt: created,
    },
  ];
  const [student, visitor] = visaTypes as [VisaType, VisaType, VisaType];
  const consultant = { id: "staff-1", name: "Priya Shah", email: "staff@demo.test" };
  const client = { id: user.id, name: user.name, email: user.email };
  const principal = {
    id: fixtureUuid(50),
    kind: "principal" as const,
    fullName: user.name,
    relationship: null,
    dateOfBirth: "1994-05-17",
    hasAccount: true,
    email: user.email,
  };
  const openStages = caseStages("assessment", daysAgo(60), now);
  const open: VisaCase = {
    id: fixtureUuid(10),
    number: "RC-2026-00042",
    client,
    visaType: student,
    destinationCountry: "AU",
    targetDate: iso(daysAhead(90)).slice(0, 10),
    currentStage: "assessment",
    stageEnteredAt: openStages[2]?.startedAt ?? iso(now),
    percentComplete: 40,
    consultant,
    outcome: null,
    decidedAt: null,
    closed: false,
    applicantCount: 2,
    openTasks: 2,
    overdueTasks: 1,
    fromReferral: true,
    createdAt: iso(daysAgo(60)),
    updatedAt: iso(daysAgo(2)),
    stages: openStages,
    history: historyOf(10, openStages, consultant.name),
    applicants: [
      principal,
      {
        id: fixtureUuid(51),
        kind: "dependant",
        fullName: "Leo Rivera",
        relationship: "spouse",
        dateOfBirth: "1993-11-02",
        hasAccount: false,
        email: null,
      },
    ],
  };
  const grantedStages = caseStages("payment", daysAgo(400), daysAgo(190));
  const granted: VisaCase = {
    ...open,
    id: fixtureUuid(11),
    number: "RC-2025-00007",
    visaType: visitor,
    targetDate: null,
    currentStage: "payment",
    stageEnteredAt: grantedStages[4]?.startedAt ?? iso(now),
    percentComplete: 100,
    outcome: "granted",
    decidedAt: iso(daysAgo(180)).slice(0, 10),
    closed: true,
    applicantCount: 1,
    openTasks: 0,
    overdueTasks: 0,
    fromReferral: false,
    createdAt: iso(daysAgo(400)),
    updatedAt: iso(daysAgo(180)),
    stages: grantedStages,
    history: historyOf(11, grantedStages, consultant.name),
    applicants: [principal],
  };
  const note = (n: number, body: string, visibility: CaseNote["visibility"], days: number): CaseNote => ({
    id: fixtureUuid(n),
    caseId: open.id,
    body,
    visibility,
    authorName: consultant.name,
    createdAt: iso(daysAgo(days)),
  });
  const caseNotes = [
    note(20, "Your offer letter looks good. Next we need your health insurance.", "client", 3),
    note(21, "Client prefers calls after 5 pm.", "internal", 4),
  ];
  const task = (n: number, title: string, dueAt: Date, state: CaseTask["state"] = "open"): CaseTask => ({
    id: fixtureUuid(n),
    caseId: open.id,
    caseNumber: open.number,
    title,
    assignee: { kind: "client", name: user.name },
    dueAt: iso(dueAt),
    state,
    overdue: state === "open" && dueAt < now,
    canComplete: true,
    completedAt: state === "done" ? iso(daysAgo(8)) : null,
    createdAt: iso(daysAgo(14)),
  });
  const caseTasks = [
    task(30, "Book your medical exam", daysAhead(7)),
    task(31, "Upload your passport scan", daysAgo(2)),
    task(32, "Sign the service agreement", daysAgo(10), "done"),
  ];
  const entry = (
    n: number,
    kind: CaseTimelineEntry["kind"],
    summary: string,
    data: Record<string, unknown>,
    createdAt: string,
    visibility: CaseTimelineEntry["visibility"] = "client",
  ): CaseTimelineEntry => ({
    id: fixtureUuid(n),
    kind,
    summary,
    data: { caseId: open.id, ...data },
    actorName: consultant.name,
    visibility,
    createdAt,
  });
  const caseTimeline = [
    entry(40, "note_added", "Note added", { noteId: caseNotes[0]?.id }, caseNotes[0]?.createdAt ?? created),
    entry(
      41,
      "note_added",
      "Internal note added",
      { noteId: caseNotes[1]?.id },
      caseNotes[1]?.createdAt ?? created,
      "internal",
    ),
    entry(
      42,
      "stage_changed",
      "Moved to Assessment",
      { fromStage: "detailed_enquiry", toStage: "assessment" },
      open.stageEnteredAt,
    ),
    entry(
      43,
      "task_created",
      "Task created: Book your medical exam",
      { taskId: fixtureUuid(30), title: "Book your medical exam" },
      iso(daysAgo(14)),
    ),
    entry(44, "opened", "Case opened", {}, open.createdAt),
  ];
  const staff: StaffMember[] = [
    { ...consultant, role: "staff", active: true, invited: false, openCases: 1, createdAt: created },
    {
      id: "staff-2",
      name: "Tom Okafor",
      email: "tom@demo.test",
      role: "staff",
      active: true,
      invited: false,
      openCases: 0,
      createdAt: created,
    },
    {
      id: "admin-1",
      name: "Ana Admin",
      email: "admin@demo.test",
      role: "admin",
      active: true,
      invited: false,
      openCases: 0,
      createdAt: created,
    },
  ];
  return { visaTypes, cases: [open, granted], caseNotes, caseTasks, caseTimeline, staff };
}
