import type { StageDocuments } from "@referral-app/shared/schemas/case";
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { visaTypes } from "../db/schema/index.ts";
import { type CaseInsert, caseRows, type SeedCase } from "./seed-rows.ts";
import type { SeedRows } from "./seed-writer.ts";

// The demo consultancy's catalogue and cases: one or two per client, a family case, notes of both
// kinds, open and overdue tasks, and decided cases of each outcome.

export const DEMO_VISA_TYPES: {
  name: string;
  destinationCountry: string;
  description: string;
  stageDocuments: StageDocuments;
}[] = [
  {
    name: "Student visa",
    destinationCountry: "GB",
    description: "Study at a university or college for more than six months.",
    stageDocuments: {
      assessment: ["Passport", "Offer letter (CAS)", "Academic transcripts"],
      application: ["Bank statements (28 days)", "English test result", "TB test certificate"],
    },
  },
  {
    name: "Skilled worker visa",
    destinationCountry: "GB",
    description: "Work for an approved employer in an eligible occupation.",
    stageDocuments: {
      assessment: ["Passport", "CV", "Certificate of sponsorship"],
      application: ["Degree certificate", "English test result", "Criminal record certificate"],
    },
  },
  {
    name: "Partner visa",
    destinationCountry: "AU",
    description: "Join a partner or spouse who is a citizen or permanent resident, with dependent children.",
    stageDocuments: {
      assessment: ["Passports of every applicant", "Marriage or relationship evidence"],
      application: ["Birth certificates of the children", "Police certificates", "Health examinations"],
    },
  },
  {
    name: "Visitor visa",
    destinationCountry: "US",
    description: "Tourism, family visits and short business trips.",
    stageDocuments: { application: ["Passport", "DS-160 confirmation", "Travel itinerary"] },
  },
  {
    name: "Working holiday visa",
    destinationCountry: "NZ",
    description: "Travel and work for up to twelve months (ages 18 to 30).",
    stageDocuments: { application: ["Passport", "Proof of funds", "Return ticket or funds for one"] },
  },
  {
    name: "Permanent residence",
    destinationCountry: "CA",
    description: "Express Entry permanent residence for skilled workers.",
    stageDocuments: {
      assessment: ["Language test result", "Educational credential assessment"],
      application: ["Police certificates", "Medical exam", "Proof of funds"],
    },
  },
];

/** Adds the catalogue (types already there are kept) and answers every demo type's id by name. */
export async function writeDemoVisaTypes(tx: Tx, at: Date): Promise<Map<string, string>> {
  await tx
    .insert(visaTypes)
    .values(DEMO_VISA_TYPES.map((type) => ({ ...type, createdAt: at, updatedAt: at })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: visaTypes.id, name: visaTypes.name })
    .from(visaTypes)
    .where(
      inArray(
        sql`lower(${visaTypes.name})`,
        DEMO_VISA_TYPES.map((type) => type.name.toLowerCase()),
      ),
    );
  return new Map(rows.map((row) => [row.name, row.id]));
}

const DAY_MS = 86_400_000;

/** A case, its applicants, history and timeline added to `rows`. */
export function addCase(rows: SeedRows, input: SeedCase): CaseInsert {
  const built = caseRows(input);
  rows.cases.push(built.case);
  rows.applicants.push(...built.applicants);
  rows.caseHistory.push(...built.history);
  rows.timeline.push(...built.timeline);
  return built.case;
}

/** A note on a case with its timeline entry. */
export function addNote(
  rows: SeedRows,
  note: { caseId: string; authorId: string; body: string; visibility: "internal" | "client"; at: Date },
): void {
  const id = crypto.randomUUID();
  rows.notes.push({
    id,
    caseId: note.caseId,
    authorId: note.authorId,
    body: note.body,
    visibility: note.visibility,
    createdAt: note.at,
  });
  rows.timeline.push({
    caseId: note.caseId,
    kind: "note_added",
    summary: note.visibility === "client" ? "Note for the client" : "Internal note",
    data: { noteId: id },
    actorId: note.authorId,
    visibility: note.visibility,
    createdAt: note.at,
  });
}

/** A task (due `dueInDays` from `now`, negative when overdue) with its timeline entry. */
export function addTask(
  rows: SeedRows,
  task: {
    caseId: string;
    title: string;
    assignee: { kind: "client" | "staff"; id: string };
    createdBy: string;
    now: Date;
    createdDaysAgo: number;
    dueInDays: number;
    done?: boolean;
  },
): void {
  const id = crypto.randomUUID();
  const createdAt = new Date(task.now.getTime() - task.createdDaysAgo * DAY_MS);
  const dueAt = new Date(task.now.getTime() + task.dueInDays * DAY_MS);
  const visibility = task.assignee.kind === "client" ? "client" : "internal";
  rows.tasks.push({
    id,
    caseId: task.caseId,
    title: task.title,
    assigneeKind: task.assignee.kind,
    assigneeId: task.assignee.id,
    dueAt,
    state: task.done ? "done" : "open",
    completedAt: task.done ? createdAt : null,
    completedBy: task.done ? task.assignee.id : null,
    createdBy: task.createdBy,
    createdAt,
  });
  rows.timeline.push({
    caseId: task.caseId,
    kind: "task_created",
    summary: `Task: ${task.title}`,
    data: { taskId: id, title: task.title, dueAt: dueAt.toISOString(), assigneeKind: task.assignee.kind },
    actorId: task.createdBy,
    visibility,
    createdAt,
  });
}
