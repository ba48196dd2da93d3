import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client.ts";
import {
  accounts,
  caseApplicants,
  caseNotes,
  caseStageHistory,
  cases,
  caseTasks,
  caseTimeline,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
} from "../db/schema/index.ts";
import { nextCaseNumbers } from "../modules/cases/cases.service.ts";
import type {
  AccountInsert,
  ApplicantInsert,
  CaseHistoryInsert,
  CaseInsert,
  HistoryInsert,
  LedgerInsert,
  NoteInsert,
  ReferralInsert,
  TaskInsert,
  TimelineInsert,
  UserInsert,
} from "./seed-rows.ts";

/** Rows per multi-row INSERT. */
export const BATCH_ROWS = 1000;

function toParam(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * Multi-row INSERTs of at most BATCH_ROWS, each `INSERT … SELECT FROM unnest($1::type[], …)`: one
 * array parameter per column, so building the statement costs nothing (drizzle's row-by-row
 * VALUES builder spends more time than the database). Returns how many rows were written.
 */
export async function insertBatched<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<number> {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) =>
    rows.some((row) => (row as Record<string, unknown>)[key] !== undefined),
  );
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  for (let offset = 0; offset < rows.length; offset += BATCH_ROWS) {
    const batch = rows.slice(offset, offset + BATCH_ROWS) as Record<string, unknown>[];
    const arrays = columns.map(
      ([key, column]) =>
        sql`${sql.param(batch.map((row) => toParam(row[key])))}::${sql.raw(column.getSQLType())}[]`,
    );
    await db.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
  return rows.length;
}

/** Everything a set of seeded users and their referrals needs, written in dependency order. */
export interface SeedRows {
  users: UserInsert[];
  accounts: AccountInsert[];
  referrals: ReferralInsert[];
  cases: CaseInsert[];
  applicants: ApplicantInsert[];
  caseHistory: CaseHistoryInsert[];
  timeline: TimelineInsert[];
  notes: NoteInsert[];
  tasks: TaskInsert[];
  history: HistoryInsert[];
  ledger: LedgerInsert[];
}

export function emptySeedRows(): SeedRows {
  return {
    users: [],
    accounts: [],
    referrals: [],
    cases: [],
    applicants: [],
    caseHistory: [],
    timeline: [],
    notes: [],
    tasks: [],
    history: [],
    ledger: [],
  };
}

export async function writeSeedRows(db: DbOrTx, rows: SeedRows): Promise<number> {
  let written = 0;
  written += await insertBatched(db, users, rows.users);
  written += await insertBatched(db, accounts, rows.accounts);
  // Numbers in the order cases were opened, from the same per-year sequence the service uses.
  const opened = [...rows.cases].sort((a, b) => a.createdAt!.getTime() - b.createdAt!.getTime());
  const numbers = await nextCaseNumbers(
    db,
    opened.map((row) => row.createdAt!.getUTCFullYear()),
  );
  written += await insertBatched(
    db,
    cases,
    opened.map((row, index) => ({ ...row, number: numbers[index]! })),
  );
  // After the cases: a converted referral points at the friend's case.
  written += await insertBatched(db, referrals, rows.referrals);
  written += await insertBatched(db, caseApplicants, rows.applicants);
  written += await insertBatched(db, caseStageHistory, rows.caseHistory);
  written += await insertBatched(db, caseTimeline, rows.timeline);
  written += await insertBatched(db, caseNotes, rows.notes);
  written += await insertBatched(db, caseTasks, rows.tasks);
  written += await insertBatched(db, referralStatusHistory, rows.history);
  written += await insertBatched(db, rewardLedger, rows.ledger);
  return written;
}
