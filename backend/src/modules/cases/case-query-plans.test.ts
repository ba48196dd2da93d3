import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { adminCasesQuery } from "./case-list.repository.ts";
import { listStageHistory, summariesOfQuery, summaryQuery } from "./cases.repository.ts";

// The case page and the staff list must walk indexes at the scale the bench runs: 100,000 cases
// (20,000 clients × 5), checked with EXPLAIN after ANALYZE, on PGlite and PostgreSQL.

let t: TestApp;
const CLIENTS = 20_000;
const CASES = 100_000;
const STAFF = 10;
let caseId: string;
let typeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.ctx;
  await db.execute(sql`
    insert into users (id, name, email, referral_code, role)
    select 'plan-staff-' || g, 'Consultant ' || g, 'staff' || g || '@example.com', 'STAF' || lpad(g::text, 6, '0'), 'staff'
    from generate_series(1, ${STAFF}) g`);
  await db.execute(sql`
    insert into users (id, name, email, referral_code)
    select 'plan-client-' || g, 'Client ' || g, 'client' || g || '@example.com', 'PLAN' || lpad(g::text, 6, '0')
    from generate_series(1, ${CLIENTS}) g`);
  await db.execute(sql`insert into visa_types (name) select 'Type ' || g from generate_series(1, 6) g`);
  await db.execute(sql`
    insert into cases (number, client_id, visa_type_id, current_stage, consultant_id, outcome, decided_at, created_at)
    select 'RC-2026-' || lpad(g::text, 6, '0'), 'plan-client-' || (g % ${CLIENTS} + 1),
      (select id from visa_types order by name offset (g % 6) limit 1),
      (array['enquiry', 'detailed_enquiry', 'assessment', 'application', 'payment'])[g % 5 + 1],
      case when g % 10 = 0 then null else 'plan-staff-' || (g % ${STAFF} + 1) end,
      case when g % 4 = 0 then 'granted' end, case when g % 4 = 0 then current_date end,
      now() - make_interval(mins => g)
    from generate_series(1, ${CASES}) g`);
  await db.execute(sql`
    insert into case_applicants (case_id, kind, user_id, full_name)
    select c.id, 'principal', c.client_id, u.name from cases c join users u on u.id = c.client_id`);
  await db.execute(sql`
    insert into case_stage_history (case_id, from_stage, to_stage, created_at)
    select id, null, 'enquiry', created_at from cases`);
  await db.execute(sql`
    insert into case_tasks (case_id, title, assignee_kind, assignee_id, due_at)
    select id, 'Task', 'client', client_id, created_at + interval '3 days' from cases where number like '%3'`);
  // Referrals, a fifth of them leading to a case (the case then "came from a referral").
  await db.execute(sql`
    insert into referrals (referrer_id, full_name, email, status, case_id, created_at)
    select 'plan-client-' || (g % ${CLIENTS} + 1), 'Friend ' || g, 'friend' || g || '@example.com',
      case when g % 5 = 0 then 'converted' else 'pending' end,
      case when g % 5 = 0 then (select id from cases where number = 'RC-2026-' || lpad(g::text, 6, '0')) end,
      now() - make_interval(mins => g)
    from generate_series(1, ${CLIENTS}) g`);
  await db.execute(sql`analyze`);
  const middle = (await db.execute(
    sql`select id, visa_type_id from cases where number = 'RC-2026-050001'`,
  )) as unknown as {
    rows: { id: string; visa_type_id: string }[];
  };
  caseId = middle.rows[0]!.id;
  typeId = middle.rows[0]!.visa_type_id;
}, 300_000);
afterAll(() => t.close());

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

async function explain(query: { sql: string; params: unknown[] }): Promise<PlanNode[]> {
  const text = `explain (format json) ${query.sql}`;
  const { database } = t.ctx;
  const result = database.pglite
    ? await database.pglite.query<{ "QUERY PLAN": unknown }>(text, query.params)
    : await database.pool!.query<{ "QUERY PLAN": unknown }>(text, query.params);
  const raw = result.rows[0]!["QUERY PLAN"];
  const [root] = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan: PlanNode }];
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root.Plan);
  return nodes;
}

// The visa-type catalogue has a handful of rows: reading it whole is the right plan.
const seqScans = (nodes: PlanNode[]) =>
  nodes
    .filter((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] !== "visa_types")
    .map((node) => node["Relation Name"]);
const indexNames = (nodes: PlanNode[]) => nodes.map((node) => node["Index Name"]).filter(Boolean);

describe("case query plans (100,000 cases)", () => {
  it("reads one case, its history and a client's cases through indexes", async () => {
    for (const query of [
      summaryQuery(t.ctx.db, caseId).toSQL(),
      listStageHistory(t.ctx.db, caseId).toSQL(),
      summariesOfQuery(t.ctx.db, "plan-client-77").toSQL(),
    ]) {
      const nodes = await explain(query);
      expect(seqScans(nodes), query.sql).toEqual([]);
    }
  });

  it("pages the staff list 50 at a time in index order, with or without a filter", async () => {
    const cursor = {
      t: new Date(Date.now() - 30 * 24 * 3600_000).toISOString().replace("Z", "000Z"),
      id: "00000000-0000-4000-8000-000000000000",
    };
    const lists = [
      { state: "open" as const, index: "cases_open_created_idx" },
      { state: "open" as const, cursor, index: "cases_open_created_idx" },
      { state: "all" as const, index: "cases_created_idx" },
      // With a filter the planner may walk the filter's index or the list's: either reads in order.
      { state: "open" as const, consultantId: "plan-staff-3", index: "cases_" },
      { state: "open" as const, consultantId: null, index: "cases_" },
      { state: "all" as const, stage: "assessment" as const, index: "cases_" },
      { state: "all" as const, visaTypeId: "", index: "cases_" },
      { state: "open" as const, overdueTasks: true, index: "cases_" },
    ];
    for (const { index, ...filters } of lists) {
      const query = adminCasesQuery(t.ctx.db, {
        sort: "newest",
        limit: 50,
        ...filters,
        ...(filters.visaTypeId === "" ? { visaTypeId: typeId } : {}),
      }).toSQL();
      const nodes = await explain(query);
      const label = JSON.stringify(filters);
      expect(seqScans(nodes), label).toEqual([]);
      expect(
        indexNames(nodes).some((name) => name === index || (index.endsWith("_") && name?.startsWith(index))),
        `${label}: ${indexNames(nodes).join(", ")}`,
      ).toBe(true);
      expect(
        nodes.some((node) => node["Node Type"] === "Sort"),
        `${label}: read in index order`,
      ).toBe(false);
    }
  });
});
