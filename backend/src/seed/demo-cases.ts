import {
  type DocumentRequirementInput,
  documentNamesByStage,
  documentRequirementSchema,
} from "@referral-app/shared/schemas/document";
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { visaTypes } from "../db/schema/index.ts";
import { type CaseInsert, caseRows, type SeedCase } from "./seed-rows.ts";
import type { SeedRows } from "./seed-writer.ts";

// The demo consultancy's catalogue and cases: one or two per client, a family case, notes of both
// kinds, open and overdue tasks, and decided cases of each outcome.

type Requirement = DocumentRequirementInput;
const PDF_ONLY = ["application/pdf"] as Requirement["acceptedTypes"];

// Requirements a consultancy asks for, reused across the catalogue.
const passport = (stage: Requirement["stage"], months: number): Requirement => ({
  id: "passport",
  stage,
  name: "Passport",
  description: "The photo page and every page with a stamp or visa.",
  hint: "Colour scan of every page, under 10 MB",
  personal: true,
  expires: true,
  minValidityMonths: months,
});
const policeCertificate = (stage: Requirement["stage"]): Requirement => ({
  id: "police-certificate",
  stage,
  name: "Police certificate",
  description: "From every country lived in for 12 months or more in the last 10 years.",
  hint: "Issued in the last 6 months",
  personal: true,
  expires: true,
  minValidityMonths: 0,
});
const bankStatements = (stage: Requirement["stage"], days: number): Requirement => ({
  id: "bank-statements",
  stage,
  name: `Bank statements (${days} days)`,
  description: `Statements covering ${days} consecutive days, ending no more than 31 days before applying.`,
  hint: "PDF from your bank, every page",
  acceptedTypes: PDF_ONLY,
});
const englishTest = (stage: Requirement["stage"]): Requirement => ({
  id: "english-test",
  stage,
  name: "English test result",
  description: "IELTS for UKVI, PTE Academic UKVI or another approved test.",
  hint: "The test report form with its reference number",
  expires: true,
  minValidityMonths: 0,
});

const catalogue: {
  name: string;
  destinationCountry: string;
  description: string;
  documentRequirements: Requirement[];
}[] = [
  {
    name: "Student visa",
    destinationCountry: "GB",
    description: "Study at a university or college for more than six months.",
    documentRequirements: [
      passport("assessment", 6),
      {
        id: "offer-letter",
        stage: "assessment",
        name: "Offer letter (CAS)",
        hint: "The CAS statement from your university",
        acceptedTypes: PDF_ONLY,
      },
      {
        id: "transcripts",
        stage: "assessment",
        name: "Academic transcripts",
        hint: "Translated into English if needed",
      },
      bankStatements("application", 28),
      englishTest("application"),
      {
        id: "tb-test",
        stage: "application",
        name: "TB test certificate",
        hint: "From an approved clinic",
        personal: true,
        expires: true,
      },
    ],
  },
  {
    name: "Skilled worker visa",
    destinationCountry: "GB",
    description: "Work for an approved employer in an eligible occupation.",
    documentRequirements: [
      passport("assessment", 6),
      {
        id: "cv",
        stage: "assessment",
        name: "CV",
        hint: "PDF, two pages at most",
        acceptedTypes: PDF_ONLY,
        required: false,
      },
      {
        id: "sponsorship",
        stage: "assessment",
        name: "Certificate of sponsorship",
        hint: "The reference number from your employer",
      },
      {
        id: "degree",
        stage: "application",
        name: "Degree certificate",
        hint: "With an English translation if needed",
      },
      englishTest("application"),
      policeCertificate("application"),
    ],
  },
  {
    name: "Partner visa",
    destinationCountry: "AU",
    description: "Join a partner or spouse who is a citizen or permanent resident, with dependent children.",
    documentRequirements: [
      passport("assessment", 6),
      {
        id: "relationship-evidence",
        stage: "assessment",
        name: "Marriage or relationship evidence",
        hint: "Certificate, joint lease, photos over time",
      },
      {
        id: "birth-certificate",
        stage: "application",
        name: "Birth certificate",
        personal: true,
        hint: "Full certificate naming both parents",
      },
      policeCertificate("application"),
      {
        id: "health-examination",
        stage: "application",
        name: "Health examination",
        personal: true,
        hint: "The HAP ID letter after your exam",
        expires: true,
      },
    ],
  },
  {
    name: "Visitor visa",
    destinationCountry: "US",
    description: "Tourism, family visits and short business trips.",
    documentRequirements: [
      passport("application", 6),
      {
        id: "ds-160",
        stage: "application",
        name: "DS-160 confirmation",
        hint: "The confirmation page with the barcode",
        acceptedTypes: PDF_ONLY,
      },
      {
        id: "itinerary",
        stage: "application",
        name: "Travel itinerary",
        required: false,
        hint: "Flights and where you will stay",
      },
    ],
  },
  {
    name: "Working holiday visa",
    destinationCountry: "NZ",
    description: "Travel and work for up to twelve months (ages 18 to 30).",
    documentRequirements: [
      passport("application", 15),
      {
        id: "proof-of-funds",
        stage: "application",
        name: "Proof of funds",
        hint: "At least NZD 4,200 available",
        acceptedTypes: PDF_ONLY,
      },
      {
        id: "return-ticket",
        stage: "application",
        name: "Return ticket or funds for one",
        hint: "A booking or a bank statement",
      },
    ],
  },
  {
    name: "Permanent residence",
    destinationCountry: "CA",
    description: "Express Entry permanent residence for skilled workers.",
    documentRequirements: [
      {
        ...englishTest("assessment"),
        name: "Language test result",
        description: "IELTS General Training or CELPIP-General, under two years old.",
      },
      {
        id: "credential-assessment",
        stage: "assessment",
        name: "Educational credential assessment",
        hint: "From WES or another designated organisation",
        expires: true,
      },
      policeCertificate("application"),
      {
        id: "medical-exam",
        stage: "application",
        name: "Medical exam",
        personal: true,
        hint: "The panel physician's confirmation",
        expires: true,
      },
      {
        id: "proof-of-funds",
        stage: "application",
        name: "Proof of funds",
        hint: "Six months of statements",
        acceptedTypes: PDF_ONLY,
      },
    ],
  },
];

export const DEMO_VISA_TYPES = catalogue.map((type) => {
  const documentRequirements = type.documentRequirements.map((requirement) =>
    documentRequirementSchema.parse(requirement),
  );
  return { ...type, documentRequirements, stageDocuments: documentNamesByStage(documentRequirements) };
});

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
