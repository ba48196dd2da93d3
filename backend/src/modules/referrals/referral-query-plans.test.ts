import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { adminReferralsQuery } from "./admin-referrals.repository.ts";
import { referralStatsQuery } from "./referral-stats.repository.ts";
import { userReferralsCountQuery, userReferralsPageQuery } from "./referrals.repository.ts";

// The list and stats queries must walk indexes, not the table: checked with EXPLAIN on ~20k rows
// (400 referrers × 50 referrals) after ANALYZE, on PGlite and on PostgreSQL (same planner).

let t: TestApp;
const USERS = 400;
const REFERRALS = 20_000;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.ctx;
  await db.execute(sql`
    insert into users (id, name, email, referral_code)
    select 'plan-user-' || g, 'Plan User ' || g, 'plan' || g || '@example.com', 'PLAN' || lpad(g::text, 6, '0')
    from generate_series(1, ${USERS}) g`);
  await db.execute(sql`
    insert into referrals (referrer_id, full_name, email, status, created_at)
    select 'plan-user-' || (g % ${USERS} + 1), 'Friend ' || g, 'friend' || g || '@example.com',
      (array['pending', 'contacted', 'qualified', 'converted', 'rejected'])[g % 5 + 1],
      now() - make_interval(mins => g)
    from generate_series(1, ${REFERRALS}) g`);
  await db.execute(sql`
    insert into reward_ledger (user_id, referral_id, amount_minor, currency, status, available_at)
    select referrer_id, id, 10000, 'USD', 'pending', now() from referrals where status = 'converted'`);
  await db.execute(sql`analyze`);
}, 120_000);
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

function expectIndexed(nodes: PlanNode[], table: string) {
  const scans = nodes.filter(
    (node) => node["Relation Name"] === table || node["Index Name"]?.startsWith(table),
  );
  expect(scans.length, `${table} is read`).toBeGreaterThan(0);
  expect(
    scans.filter((node) => node["Node Type"] === "Seq Scan"),
    `no Seq Scan on ${table}`,
  ).toEqual([]);
}

const indexNames = (nodes: PlanNode[]) => nodes.map((node) => node["Index Name"]).filter(Boolean);

describe("referral query plans (~20k rows)", () => {
  it("reads a referrer's page and its count through the referrer indexes", async () => {
    for (const status of [undefined, "converted"] as const) {
      const page = await explain(
        userReferralsPageQuery(t.ctx.db, { userId: "plan-user-7", status, limit: 20, offset: 0 }).toSQL(),
      );
      expectIndexed(page, "referrals");
      expect(indexNames(page).some((name) => name?.startsWith("referrals_referrer_"))).toBe(true);
      const total = await explain(
        userReferralsCountQuery(t.ctx.db, { userId: "plan-user-7", status }).toSQL(),
      );
      expectIndexed(total, "referrals");
    }
  });

  it("computes a referrer's stats from indexes on referrals and reward_ledger", async () => {
    const nodes = await explain(new PgDialect().sqlToQuery(referralStatsQuery("plan-user-7")));
    expectIndexed(nodes, "referrals");
    expectIndexed(nodes, "reward_ledger");
  });

  it("walks the staff list by (created_at, id) from the middle of the table, with or without a filter", async () => {
    // Cursors that leave most rows ahead of them: an hour ago going back, 13 days ago going forward.
    const cursorAt = (ms: number) => ({
      t: new Date(Date.now() - ms).toISOString().replace("Z", "000Z"),
      id: "00000000-0000-4000-8000-000000000000",
    });
    const pages = [
      { sort: "newest" as const },
      { sort: "newest" as const, status: "pending" as const },
      { sort: "newest" as const, cursor: cursorAt(60 * 60 * 1000) },
      { sort: "oldest" as const, cursor: cursorAt(13 * 24 * 60 * 60 * 1000) },
    ];
    for (const filters of pages) {
      const nodes = await explain(adminReferralsQuery(t.ctx.db, { limit: 50, ...filters }).toSQL());
      expectIndexed(nodes, "referrals");
      expect(indexNames(nodes)).toContain("referrals_created_idx");
      expect(
        nodes.some((node) => node["Node Type"] === "Sort"),
        `${JSON.stringify(filters)}: read in index order, not sorted`,
      ).toBe(false);
    }
  });
});
