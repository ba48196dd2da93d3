import type { VisaStageId } from "@referral-app/shared/constants";
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { caseApplicants, cases, users } from "../../db/schema/index.ts";
import { type Cursor, likePattern } from "../../lib/cursor.ts";
import { selectSummaries } from "./cases.repository.ts";

export interface CaseListFilters {
  q?: string | undefined;
  stage?: VisaStageId | undefined;
  /** A staff id, or null for unassigned cases. */
  consultantId?: string | null | undefined;
  visaTypeId?: string | undefined;
  overdueTasks?: boolean | undefined;
  state: "open" | "decided" | "all";
  sort: "newest" | "oldest";
  cursor?: Cursor | undefined;
  limit: number;
}

function filtersWhere(filters: CaseListFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // `outcome is null` matches the partial index cases_open_created_idx (the default list).
  if (filters.state === "open") conditions.push(isNull(cases.outcome));
  if (filters.state === "decided") conditions.push(isNotNull(cases.outcome));
  if (filters.stage) conditions.push(eq(cases.currentStage, filters.stage));
  if (filters.consultantId === null) conditions.push(isNull(cases.consultantId));
  else if (filters.consultantId) conditions.push(eq(cases.consultantId, filters.consultantId));
  if (filters.visaTypeId) conditions.push(eq(cases.visaTypeId, filters.visaTypeId));
  if (filters.overdueTasks !== undefined) {
    const overdue = sql`exists (select 1 from case_tasks t where t.case_id = ${cases.id} and t.state = 'open' and t.due_at < now())`;
    conditions.push(filters.overdueTasks ? overdue : sql`not ${overdue}`);
  }
  if (filters.q) {
    // A case number, or any fragment of the client's or an applicant's name (trigram indexes).
    const pattern = likePattern(filters.q);
    conditions.push(
      or(
        ilike(cases.number, pattern),
        sql`${cases.clientId} in (select ${users.id} from ${users} where ${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`,
        sql`${cases.id} in (select ${caseApplicants.caseId} from ${caseApplicants} where ${caseApplicants.fullName} ilike ${pattern})`,
      ),
    );
  }
  if (filters.cursor) {
    const { t, id } = filters.cursor;
    conditions.push(
      filters.sort === "newest"
        ? sql`(${cases.createdAt}, ${cases.id}) < (${t}::timestamptz, ${id}::uuid)`
        : sql`(${cases.createdAt}, ${cases.id}) > (${t}::timestamptz, ${id}::uuid)`,
    );
  }
  return and(...conditions);
}

/** One keyset page of the staff list (limit + 1 rows: the extra one says a next page exists). */
export function adminCasesQuery(db: DbOrTx, filters: CaseListFilters) {
  const order =
    filters.sort === "newest"
      ? [desc(cases.createdAt), desc(cases.id)]
      : [asc(cases.createdAt), asc(cases.id)];
  return selectSummaries(db)
    .where(filtersWhere(filters))
    .orderBy(...order)
    .limit(filters.limit + 1);
}
