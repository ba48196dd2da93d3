import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { analyticsEvents, devMailbox } from "../db/schema/index.ts";
import { JOBS } from "../jobs/registry.ts";
import { registerSchedules } from "../jobs/worker.ts";
import { purgeAnalyticsEventsJob } from "../modules/analytics/analytics.jobs.ts";
import { purgeDevMailboxJob } from "../modules/notifications/notifications.jobs.ts";
import { createOrganizationRow, signUpPartner } from "../test/fixtures.ts";
import { createTestApp, type SignedUpUser, type TestApp } from "../test/test-app.ts";

// Issue 12, item 13: nothing waits for ever (database and HTTP timeouts from config), old dev mail
// and analytics events are purged on a schedule, and partner invitations are capped per day.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    REQUEST_TIMEOUT_MS: "1234",
    CONNECTION_TIMEOUT_MS: "4321",
    PARTNER_INVITES_PER_DAY: "2",
    MAILBOX_RETENTION_DAYS: "7",
    ANALYTICS_RETENTION_DAYS: "30",
  });
});
afterAll(() => t.close());

const DAY = 24 * 60 * 60 * 1000;

describe("security: timeouts", () => {
  it("gives the PostgreSQL pool connection, statement and idle-in-transaction timeouts from config", async () => {
    const { databaseTimeouts } = loadConfig({});
    expect(databaseTimeouts).toEqual({ connectMs: 5_000, statementMs: 30_000, idleInTransactionMs: 60_000 });
    const url = t.ctx.database.url ?? "postgres://postgres@127.0.0.1:1/unused";
    const handle = await openDatabase({
      databaseUrl: url,
      poolMax: 1,
      timeouts: { connectMs: 2_000, statementMs: 300, idleInTransactionMs: 1_000 },
    });
    try {
      expect(handle.pool!.options).toMatchObject({
        connectionTimeoutMillis: 2_000,
        statement_timeout: 300,
        idle_in_transaction_session_timeout: 1_000,
      });
      // On PostgreSQL, a stuck statement is cancelled instead of holding its request.
      if (t.ctx.database.url) {
        await expect(handle.pool!.query("select pg_sleep(5)")).rejects.toMatchObject({ code: "57014" });
      }
    } finally {
      await handle.close();
    }
  });

  it("gives the HTTP server a request and a connection timeout from config", () => {
    expect(t.app.server.requestTimeout).toBe(1234);
    expect(t.app.server.timeout).toBe(4321);
    expect(loadConfig({}).http).toEqual({ requestTimeoutMs: 30_000, connectionTimeoutMs: 120_000 });
  });
});

describe("security: scheduled purges", () => {
  it("forgets dev mail and analytics events past their retention, daily", async () => {
    const old = new Date(Date.now() - 40 * DAY);
    const recent = new Date(Date.now() - 2 * DAY);
    await t.ctx.db.insert(devMailbox).values([
      { to: "old@example.com", subject: "old", text: "reset link", createdAt: old },
      { to: "new@example.com", subject: "new", text: "reset link", createdAt: recent },
    ]);
    await t.ctx.db.insert(analyticsEvents).values([
      { name: "purge_test_old", source: "server", createdAt: old },
      { name: "purge_test_new", source: "server", createdAt: recent },
    ]);
    await purgeDevMailboxJob.handler({}, t.ctx);
    await purgeAnalyticsEventsJob.handler({}, t.ctx);
    expect(await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, "old@example.com"))).toHaveLength(
      0,
    );
    expect(await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, "new@example.com"))).toHaveLength(
      1,
    );
    const names = (await t.ctx.db.select({ name: analyticsEvents.name }).from(analyticsEvents)).map(
      (e) => e.name,
    );
    expect(names).toContain("purge_test_new");
    expect(names).not.toContain("purge_test_old");

    expect(JOBS).toEqual(expect.arrayContaining([purgeDevMailboxJob, purgeAnalyticsEventsJob]));
    expect(purgeDevMailboxJob.cron).toBeTruthy();
    expect(purgeAnalyticsEventsJob.cron).toBeTruthy();
    await registerSchedules(t.ctx);
    const scheduled = (await t.ctx.queue.schedules()).map((schedule) => schedule.name);
    expect(scheduled).toEqual(
      expect.arrayContaining([purgeDevMailboxJob.name, purgeAnalyticsEventsJob.name]),
    );
  });
});

describe("security: partner invitations per day", () => {
  const invite = (partner: SignedUpUser, email: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/partners/members/invite",
      headers: partner.headers,
      payload: { email, name: "A Colleague" },
    });

  it("caps new and resent invitations per organisation, and not another organisation's", async () => {
    const org = await createOrganizationRow(t);
    const partner = await signUpPartner(t, org);
    expect((await invite(partner, "first@agency.example")).statusCode).toBe(201);
    expect((await invite(partner, "first@agency.example")).statusCode).toBeLessThan(300);
    const third = await invite(partner, "second@agency.example");
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ status: "error", error: { code: "RATE_LIMITED" } });

    const other = await signUpPartner(t, await createOrganizationRow(t));
    expect((await invite(other, "someone@elsewhere.example")).statusCode).toBe(201);
  });
});
