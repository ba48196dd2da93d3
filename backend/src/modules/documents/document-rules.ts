import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type {
  CaseDocument,
  ChecklistLine,
  ChecklistState,
  DocumentRequirement,
} from "@referral-app/shared/schemas/document";

/** Reminders go out this many days before a document stops meeting its rule, once each. */
export const REMINDER_DAYS = [90, 30, 7] as const;
/** A line reads `expiring` this many days ahead. */
export const EXPIRING_WITHIN_DAYS = 90;

const DAY_MS = 86_400_000;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return isoDay(new Date(parseDay(day).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** `day` moved by whole months, clamped to the month's end (31 Aug − 6 months = 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(date, lastDay));
  return isoDay(first);
}

/**
 * The last day the document meets its rule: it must stay valid `minValidityMonths` beyond the day
 * it is relied on, so from the day after `expiresOn − months` it no longer does.
 */
export function validUntilOf(
  requirement: DocumentRequirement | undefined,
  expiresOn: string | null,
): string | null {
  if (!requirement?.expires || !expiresOn) return null;
  return addMonths(expiresOn, -requirement.minValidityMonths);
}

const stageIndex = (stage: VisaStageId) => VISA_STAGE_IDS.indexOf(stage);

export function lineState(
  document: CaseDocument | null,
  today: string,
  targetDate: string | null,
): ChecklistState {
  if (!document) return "missing";
  if (document.status === "rejected") return "rejected";
  if (document.validUntil) {
    // Valid today but not on the target date still fails the rule ("6 months beyond the target date").
    if (document.validUntil < today || (targetDate !== null && document.validUntil < targetDate))
      return "expired";
    if (daysBetween(today, document.validUntil) <= EXPIRING_WITHIN_DAYS) return "expiring";
  }
  return document.status;
}

export interface LineInput {
  requirements: DocumentRequirement[];
  applicants: { id: string; name: string }[];
  documents: CaseDocument[];
  currentStage: VisaStageId;
  targetDate: string | null;
  today: string;
}

/** One line per requirement, and per applicant for personal documents, in stage order. */
export function buildLines(input: LineInput): ChecklistLine[] {
  const byLine = new Map(
    input.documents.map((doc) => [`${doc.requirementId}:${doc.applicantId ?? ""}`, doc]),
  );
  const ordered = [...input.requirements].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
  return ordered.flatMap((requirement) => {
    const applicants = requirement.personal ? input.applicants : [null];
    return applicants.map((applicant) => {
      const document = byLine.get(`${requirement.id}:${applicant?.id ?? ""}`) ?? null;
      return {
        requirement,
        applicant,
        state: lineState(document, input.today, input.targetDate),
        neededNow: stageIndex(requirement.stage) <= stageIndex(input.currentStage),
        document,
      };
    });
  });
}

/** Required lines of the stages a move from `from` to `to` leaves behind that are missing or rejected. */
export function blockingLines(lines: ChecklistLine[], from: VisaStageId, to: VisaStageId): ChecklistLine[] {
  if (stageIndex(to) <= stageIndex(from)) return [];
  const leaving = VISA_STAGE_IDS.slice(stageIndex(from), stageIndex(to));
  return lines.filter(
    (line) =>
      line.requirement.required &&
      leaving.includes(line.requirement.stage) &&
      (line.state === "missing" || line.state === "rejected"),
  );
}

export const lineName = (line: Pick<ChecklistLine, "requirement" | "applicant">) =>
  line.applicant ? `${line.requirement.name} (${line.applicant.name})` : line.requirement.name;
