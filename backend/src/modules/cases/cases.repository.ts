import type { VisaStageId } from "@referral-app/shared/constants";
import type {
  CaseApplicant,
  CaseStageChange,
  CaseSummary,
  DependantInput,
  VisaType,
} from "@referral-app/shared/schemas/case";
import { visaPercentComplete } from "@referral-app/shared/visa-progress";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import {
  caseApplicants,
  caseNumberSequences,
  caseStageHistory,
  cases,
  referrals,
  users,
  visaTypes,
} from "../../db/schema/index.ts";
import { cursorTime } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";

export type CaseRow = typeof cases.$inferSelect;
type VisaTypeRow = typeof visaTypes.$inferSelect;

const client = alias(users, "case_client");
const consultant = alias(users, "case_consultant");
// At most one: referrals.case_id is unique.
const caseReferral = alias(referrals, "case_referral");

/** Who reads: staff see consultant ids; clients never see a staff id. */
export interface Viewer {
  staff: boolean;
}

export function toVisaType(row: VisaTypeRow): VisaType {
  return {
    id: row.id,
    name: row.name,
    destinationCountry: row.destinationCountry,
    description: row.description,
    stageDocuments: row.stageDocuments,
    documentRequirements: row.documentRequirements,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The columns of a case summary: the case, its people and its task counts (one index probe each). */
export const summaryColumns = {
  case: cases,
  clientName: client.name,
  clientEmail: client.email,
  visaTypeName: visaTypes.name,
  consultantName: consultant.name,
  consultantEmail: consultant.email,
  applicantCount: sql<number>`(select count(*)::int from ${caseApplicants} where ${caseApplicants.caseId} = ${cases.id})`,
  openTasks: sql<number>`(select count(*)::int from case_tasks t where t.case_id = ${cases.id} and t.state = 'open')`,
  overdueTasks: sql<number>`(select count(*)::int from case_tasks t where t.case_id = ${cases.id} and t.state = 'open' and t.due_at < now())`,
  fromReferral: sql<boolean>`${caseReferral.id} is not null`,
  cursorAt: cursorTime(cases.createdAt),
};

export type SummaryRow = {
  case: CaseRow;
  clientName: string;
  clientEmail: string;
  visaTypeName: string;
  consultantName: string | null;
  consultantEmail: string | null;
  applicantCount: number;
  openTasks: number;
  overdueTasks: number;
  fromReferral: boolean;
  cursorAt: string;
};

/** `select summaryColumns from cases` with the joins they need; add where/order/limit. */
export function selectSummaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(cases)
    .innerJoin(client, eq(client.id, cases.clientId))
    .innerJoin(visaTypes, eq(visaTypes.id, cases.visaTypeId))
    .leftJoin(consultant, eq(consultant.id, cases.consultantId))
    .leftJoin(caseReferral, eq(caseReferral.caseId, cases.id));
}

export function toCaseSummary(row: SummaryRow, viewer: Viewer): CaseSummary {
  const c = row.case;
  return {
    id: c.id,
    number: c.number,
    client: { id: c.clientId, name: row.clientName, email: row.clientEmail },
    visaType: { id: c.visaTypeId, name: row.visaTypeName },
    destinationCountry: c.destinationCountry,
    targetDate: c.targetDate,
    currentStage: c.currentStage,
    stageEnteredAt: c.stageEnteredAt.toISOString(),
    percentComplete: visaPercentComplete(c.currentStage),
    consultant:
      c.consultantId && row.consultantName !== null
        ? {
            ...(viewer.staff ? { id: c.consultantId } : {}),
            name: row.consultantName,
            email: row.consultantEmail ?? "",
          }
        : null,
    outcome: c.outcome,
    decidedAt: c.decidedAt,
    closed: c.outcome !== null,
    applicantCount: row.applicantCount,
    openTasks: row.openTasks,
    overdueTasks: row.overdueTasks,
    fromReferral: row.fromReferral,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/**
 * A case the user is on: as its client, or as an applicant with their own account. A union of two
 * index lookups (an OR with a correlated EXISTS would read every case).
 */
const onCase = (userId: string): SQL =>
  sql`${cases.id} in (select c.id from cases c where c.client_id = ${userId}
    union all select a.case_id from case_applicants a where a.user_id = ${userId})`;

export function summaryQuery(db: DbOrTx, caseId: string) {
  return selectSummaries(db).where(eq(cases.id, caseId));
}

export async function findSummary(db: DbOrTx, caseId: string): Promise<SummaryRow | null> {
  if (!isUuid(caseId)) return null;
  const [row] = await summaryQuery(db, caseId);
  return row ?? null;
}

/** The user's cases (their own and those they are an applicant on), newest first. */
export function summariesOfQuery(db: DbOrTx, userId: string) {
  return selectSummaries(db).where(onCase(userId)).orderBy(desc(cases.createdAt), desc(cases.id));
}

export async function findCaseRow(
  db: DbOrTx,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow | null> {
  if (!isUuid(caseId)) return null;
  const query = db.select().from(cases).where(eq(cases.id, caseId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** True when the user is the case's client or an applicant with an account on it. */
export async function isOnCase(db: DbOrTx, caseId: string, userId: string): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), onCase(userId)));
  return row !== undefined;
}

/** The client's primary case: their most recent open one (or, with none open, their most recent). */
export async function findPrimaryCaseRow(
  db: DbOrTx,
  clientId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRow | null> {
  const query = db
    .select()
    .from(cases)
    .where(eq(cases.clientId, clientId))
    .orderBy(sql`${cases.outcome} is null desc`, desc(cases.createdAt), desc(cases.id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function findVisaTypeRow(db: DbOrTx, id: string): Promise<VisaTypeRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(visaTypes).where(eq(visaTypes.id, id));
  return row ?? null;
}

/** The catalogue's fallback type for cases opened without one (sign-up, migrated rows). */
export async function unspecifiedVisaTypeId(db: DbOrTx): Promise<string> {
  const [found] = await db
    .select({ id: visaTypes.id })
    .from(visaTypes)
    .where(sql`lower(${visaTypes.name}) = 'unspecified'`);
  if (found) return found.id;
  const [created] = await db
    .insert(visaTypes)
    .values({ name: "Unspecified", description: "The visa type is not chosen yet." })
    .onConflictDoNothing()
    .returning({ id: visaTypes.id });
  if (created) return created.id;
  return unspecifiedVisaTypeId(db);
}

const caseNumber = (year: number, value: number) => `RC-${year}-${String(value).padStart(5, "0")}`;

/** Takes `count` numbers of `year` at once; the sequence row's lock serialises concurrent openings. */
async function takeCaseNumbers(db: DbOrTx, year: number, count: number): Promise<string[]> {
  const [row] = await db
    .insert(caseNumberSequences)
    .values({ year, lastValue: count })
    .onConflictDoUpdate({
      target: caseNumberSequences.year,
      set: { lastValue: sql`${caseNumberSequences.lastValue} + ${count}` },
    })
    .returning({ last: caseNumberSequences.lastValue });
  const first = row!.last - count + 1;
  return Array.from({ length: count }, (_, index) => caseNumber(year, first + index));
}

/** The next number for a case opened in `year`. */
export async function nextCaseNumber(db: DbOrTx, year: number): Promise<string> {
  return (await takeCaseNumbers(db, year, 1))[0]!;
}

/** Numbers for cases opened in these years, in the order given (bulk writes). */
export async function nextCaseNumbers(db: DbOrTx, years: readonly number[]): Promise<string[]> {
  const taken = new Map<number, string[]>();
  for (const year of new Set(years)) {
    taken.set(year, await takeCaseNumbers(db, year, years.filter((y) => y === year).length));
  }
  return years.map((year) => taken.get(year)!.shift()!);
}

export interface NewCase {
  number: string;
  clientId: string;
  visaTypeId: string;
  destinationCountry: string | null;
  targetDate: string | null;
  consultantId: string | null;
  createdAt: Date;
}

export async function insertCase(db: DbOrTx, values: NewCase): Promise<CaseRow> {
  const [row] = await db
    .insert(cases)
    .values({ ...values, stageEnteredAt: values.createdAt, updatedAt: values.createdAt })
    .returning();
  return row!;
}

export async function updateCaseRow(
  db: DbOrTx,
  caseId: string,
  values: Partial<Omit<CaseRow, "id" | "number" | "clientId" | "createdAt">>,
): Promise<void> {
  await db
    .update(cases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cases.id, caseId));
}

export async function insertStageChange(
  db: DbOrTx,
  entry: {
    caseId: string;
    fromStage: VisaStageId | null;
    toStage: VisaStageId;
    note: string | null;
    changedBy: string | null;
    createdAt: Date;
  },
): Promise<void> {
  await db.insert(caseStageHistory).values(entry);
}

export function listStageHistory(db: DbOrTx, caseId: string) {
  const changer = alias(users, "stage_changer");
  return db
    .select({
      id: caseStageHistory.id,
      fromStage: caseStageHistory.fromStage,
      toStage: caseStageHistory.toStage,
      note: caseStageHistory.note,
      changedBy: caseStageHistory.changedBy,
      changedByName: changer.name,
      createdAt: caseStageHistory.createdAt,
    })
    .from(caseStageHistory)
    .leftJoin(changer, eq(changer.id, caseStageHistory.changedBy))
    .where(eq(caseStageHistory.caseId, caseId))
    .orderBy(asc(caseStageHistory.createdAt), asc(caseStageHistory.id));
}

export type StageHistoryRow = Awaited<ReturnType<typeof listStageHistory>>[number];

export const toStageChange = (row: StageHistoryRow): CaseStageChange => ({
  id: row.id,
  fromStage: row.fromStage,
  toStage: row.toStage,
  note: row.note,
  changedByName: row.changedByName,
  createdAt: row.createdAt.toISOString(),
});

export async function listApplicants(db: DbOrTx, caseId: string): Promise<CaseApplicant[]> {
  const rows = await db
    .select({
      applicant: caseApplicants,
      accountName: users.name,
      accountEmail: users.email,
    })
    .from(caseApplicants)
    .leftJoin(users, eq(users.id, caseApplicants.userId))
    .where(eq(caseApplicants.caseId, caseId))
    .orderBy(asc(caseApplicants.position), asc(caseApplicants.createdAt));
  return rows.map(({ applicant, accountName, accountEmail }) => ({
    id: applicant.id,
    kind: applicant.kind,
    // The principal is the client: their account's current name and email.
    fullName: applicant.kind === "principal" ? (accountName ?? applicant.fullName) : applicant.fullName,
    relationship: applicant.relationship,
    dateOfBirth: applicant.dateOfBirth,
    hasAccount: applicant.userId !== null,
    email: applicant.kind === "principal" ? (accountEmail ?? applicant.email) : applicant.email,
  }));
}

export async function insertPrincipal(
  db: DbOrTx,
  caseId: string,
  clientId: string,
  createdAt: Date,
): Promise<void> {
  await db.execute(sql`
    insert into ${caseApplicants} (case_id, kind, user_id, full_name, email, position, created_at)
    select ${caseId}, 'principal', id, name, email, 0, ${createdAt} from ${users} where id = ${clientId}`);
}

/** Replaces the dependants; an e-mail of a client account links that account (who then sees the case). */
export async function replaceDependants(
  db: DbOrTx,
  caseId: string,
  clientId: string,
  dependants: readonly DependantInput[],
): Promise<void> {
  await db
    .delete(caseApplicants)
    .where(and(eq(caseApplicants.caseId, caseId), eq(caseApplicants.kind, "dependant")));
  let position = 0;
  for (const dependant of dependants) {
    position += 1;
    const email = dependant.email?.trim().toLowerCase() || null;
    const [account] = email
      ? await db
          .select({ id: users.id })
          .from(users)
          .where(and(sql`lower(${users.email}) = ${email}`, eq(users.role, "client")))
      : [];
    await db.insert(caseApplicants).values({
      caseId,
      kind: "dependant",
      userId: account && account.id !== clientId ? account.id : null,
      fullName: dependant.fullName,
      relationship: dependant.relationship,
      dateOfBirth: dependant.dateOfBirth ?? null,
      email,
      position,
    });
  }
}

/** Accounts that follow the case: the client and applicants with their own account. */
export async function caseAudience(db: DbOrTx, caseId: string, clientId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: caseApplicants.userId })
    .from(caseApplicants)
    .where(and(eq(caseApplicants.caseId, caseId), sql`${caseApplicants.userId} is not null`));
  return [...new Set([clientId, ...rows.map((row) => row.userId!)])];
}

/**
 * The client's converted referral not yet tied to a case: the case it leads to "came from a referral".
 * Locked, so two cases opened at once cannot both claim it.
 */
export async function findUnlinkedConvertedReferral(db: DbOrTx, clientId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.referredUserId, clientId),
        eq(referrals.status, "converted"),
        isNull(referrals.caseId),
      ),
    )
    .orderBy(asc(referrals.convertedAt), asc(referrals.id))
    .limit(1)
    .for("update");
  return row?.id ?? null;
}

/** Ties a referral to a case (once: a linked referral or a case that already has one is left alone). */
export async function linkReferral(db: DbOrTx, referralId: string, caseId: string): Promise<boolean> {
  const rows = await db
    .update(referrals)
    .set({ caseId, updatedAt: new Date() })
    .where(
      and(
        eq(referrals.id, referralId),
        isNull(referrals.caseId),
        sql`not exists (select 1 from referrals r where r.case_id = ${caseId})`,
      ),
    )
    .returning({ id: referrals.id });
  return rows.length > 0;
}

/** Unassigns a consultant's open cases; answers the cases it changed. */
export async function unassignOpenCases(
  db: DbOrTx,
  consultantId: string,
): Promise<{ id: string; number: string; clientId: string }[]> {
  return db
    .update(cases)
    .set({ consultantId: null, updatedAt: new Date() })
    .where(and(eq(cases.consultantId, consultantId), isNull(cases.outcome)))
    .returning({ id: cases.id, number: cases.number, clientId: cases.clientId });
}
