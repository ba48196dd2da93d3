import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type TestApp } from "../test/test-app.ts";
import { bulkCounts, bulkEmail, seedBulk } from "./bulk.ts";
import { DEMO_PASSWORD, seedDemo, seedDemoIfEmpty } from "./demo.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function counts() {
  const result = await t.ctx.db.execute(sql`
    select
      (select count(*) from users)::int as users,
      (select count(*) from accounts)::int as accounts,
      (select count(*) from partner_organizations)::int as organizations,
      (select count(*) from referrals)::int as referrals,
      (select count(*) from referral_status_history)::int as history,
      (select count(*) from reward_ledger)::int as ledger,
      (select count(*) from notifications)::int as notifications,
      (select count(*) from cases)::int as cases
  `);
  return (
    result as unknown as {
      rows: Record<
        | "users"
        | "accounts"
        | "organizations"
        | "referrals"
        | "history"
        | "ledger"
        | "notifications"
        | "cases",
        number
      >[];
    }
  ).rows[0]!;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const signIn = (email: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in/email", payload: { email, password } });

describe("seedDemo", () => {
  it("creates the demo once; running it again changes nothing", async () => {
    expect(await seedDemoIfEmpty(t.ctx)).toBe(true);
    const first = await counts();
    // Nine cases for six clients: the demo client, Hana and Aisha also have an older decided one.
    expect(first).toMatchObject({ users: 10, accounts: 10, organizations: 1, cases: 9 });
    expect(first.referrals).toBeGreaterThanOrEqual(8 + 5);
    expect(await seedDemo(t.ctx)).toBe(false);
    expect(await seedDemoIfEmpty(t.ctx)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it("lets every demo user sign in with the demo password, with their role", async () => {
    for (const [email, role] of [
      ["client@demo.test", "client"],
      ["staff@demo.test", "staff"],
      ["consultant@demo.test", "staff"],
      ["admin@demo.test", "admin"],
      ["partner@demo.test", "partner"],
      ["diego.alvarez@demo.test", "client"],
    ] as const) {
      const response = await signIn(email);
      expect(response.statusCode, email).toBe(200);
      const { user } = json<{ user: { role: string } }>(response);
      expect(user.role).toBe(role);
    }
    expect((await signIn("client@demo.test", "wrong-password-1")).statusCode).toBe(401);
  });

  it("puts the demo client's open case at Assessment with history, and the partner in Globe Partners", async () => {
    const [client] = await rows<{ stage: string; steps: string[] }>(sql`
      select c.current_stage as stage,
        array_agg(h.to_stage order by h.created_at) as steps
      from users u join cases c on c.client_id = u.id
      join case_stage_history h on h.case_id = c.id
      where u.email = 'client@demo.test' and c.outcome is null group by c.current_stage
    `);
    expect(client).toEqual({ stage: "assessment", steps: ["enquiry", "detailed_enquiry", "assessment"] });
    const [partner] = await rows<{ name: string; commission: number; currency: string }>(sql`
      select o.name, o.commission_amount_minor::int as commission, o.commission_currency as currency
      from users u join partner_organizations o on o.id = u.partner_organization_id
      where u.email = 'partner@demo.test'
    `);
    expect(partner).toEqual({ name: "Globe Partners", commission: 5000, currency: "USD" });
    const staffCases = await rows(sql`
      select 1 from cases c join users u on u.id = c.client_id where u.role <> 'client'
    `);
    expect(staffCases).toHaveLength(0);
  });

  it("gives the demo consultancy six visa types, a family case, notes of both kinds, open and overdue tasks and every outcome", async () => {
    const [demo] = await rows<Record<string, number | string[]>>(sql`
      select
        (select count(*) from visa_types where name <> 'Unspecified')::int as types,
        (select count(*) from case_applicants where kind = 'dependant')::int as dependants,
        (select array_agg(distinct visibility order by visibility) from case_notes) as visibilities,
        (select count(*) from case_tasks where state = 'open' and due_at > now())::int as open_tasks,
        (select count(*) from case_tasks where state = 'open' and due_at < now())::int as overdue_tasks,
        (select array_agg(distinct outcome order by outcome) from cases where outcome is not null) as outcomes,
        (select count(*) from referrals where case_id is not null)::int as from_referral,
        (select count(*) from cases where number !~ '^RC-[0-9]{4}-[0-9]{5}$')::int as bad_numbers
    `);
    expect(demo).toEqual({
      types: 6,
      dependants: 2,
      visibilities: ["client", "internal"],
      open_tasks: 2,
      overdue_tasks: 2,
      outcomes: ["granted", "refused", "withdrawn"],
      from_referral: 1,
      bad_numbers: 0,
    });
    const [priya] = await rows<{ n: number }>(sql`
      select count(*)::int as n from cases c join users u on u.id = c.client_id where u.email = 'client@demo.test'`);
    expect(priya!.n).toBe(2);
  });

  it("gives the demo client referrals in every status with consistent history and rewards", async () => {
    const mine = await rows<{ status: string; last: string; first: string; converted_at: Date | null }>(sql`
      select r.status, r.converted_at,
        (select h.to_status from referral_status_history h where h.referral_id = r.id
          order by h.created_at desc limit 1) as last,
        (select h.to_status from referral_status_history h where h.referral_id = r.id
          order by h.created_at asc limit 1) as first
      from referrals r join users u on u.id = r.referrer_id where u.email = 'client@demo.test'
    `);
    expect(mine.length).toBeGreaterThanOrEqual(8);
    expect(new Set(mine.map((r) => r.status))).toEqual(
      new Set(["pending", "contacted", "qualified", "converted", "rejected"]),
    );
    for (const referral of mine) {
      expect(referral.last).toBe(referral.status);
      expect(referral.first).toBe("pending");
      expect(referral.converted_at !== null).toBe(referral.status === "converted");
    }
    // Every converted referral has exactly one credit; the demo client has one still pending.
    const orphans = await rows(sql`
      select r.id from referrals r left join reward_ledger l on l.referral_id = r.id
      where r.status = 'converted' group by r.id having count(l.id) <> 1
    `);
    expect(orphans).toHaveLength(0);
    const rewards = await rows<{ status: string; amount: number; kind: string }>(sql`
      select l.status, l.amount_minor::int as amount, l.kind from reward_ledger l
      join users u on u.id = l.user_id where u.email = 'client@demo.test'
    `);
    expect(rewards).toContainEqual({ status: "pending", amount: 10_000, kind: "referral_reward" });
    const commission = await rows<{ kind: string; amount: number }>(sql`
      select l.kind, l.amount_minor::int as amount from reward_ledger l
      join users u on u.id = l.user_id where u.email = 'partner@demo.test'
    `);
    expect(commission).toEqual([{ kind: "partner_commission", amount: 5000 }]);
  });

  it("leaves the demo client some unread notifications", async () => {
    const login = json<{ token: string }>(await signIn("client@demo.test"));
    const [unread] = await rows<{ n: number }>(sql`
      select count(*)::int as n from notifications n join users u on u.id = n.user_id
      where u.email = 'client@demo.test' and n.read_at is null
    `);
    expect(unread!.n).toBeGreaterThan(0);
    expect(login.token).toBeTruthy();
  });
});

describe("seedBulk", () => {
  it("adds N clients with M referrals and C cases each, resumably and without duplicates", async () => {
    const before = await counts();
    const progress: number[] = [];
    const result = await seedBulk(t.ctx, {
      users: 5,
      referralsPerUser: 3,
      casesPerUser: 2,
      onProgress: ({ referrals }) => progress.push(referrals),
    });
    expect(result).toMatchObject({ users: 5, referrals: 15 });
    expect(progress.reduce((sum, n) => sum + n, 0)).toBe(15);
    expect(await bulkCounts(t.ctx.db)).toEqual({ users: 5, referrals: 15 });
    const after = await counts();
    expect(after.users - before.users).toBe(5);
    expect(after.referrals - before.referrals).toBe(15);
    expect(after.history - before.history).toBeGreaterThanOrEqual(15);
    expect(after.cases - before.cases).toBe(10);
    const [open] = await rows<{ open: number; decided: number }>(sql`
      select count(*) filter (where c.outcome is null)::int as open, count(c.outcome)::int as decided
      from cases c join users u on u.id = c.client_id where u.email like '%@bulk.demo.test'`);
    expect(open).toEqual({ open: 5, decided: 5 });

    const again = await seedBulk(t.ctx, { users: 5, referralsPerUser: 3 });
    expect(again).toMatchObject({ users: 0, referrals: 0 });
    expect(await counts()).toEqual(after);

    // The hash computed once works for every bulk client.
    expect((await signIn(bulkEmail(3))).statusCode).toBe(200);
  });
});
