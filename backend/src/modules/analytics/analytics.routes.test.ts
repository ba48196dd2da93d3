import type { ReferralStatus } from "@referral-app/shared/constants";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyticsEvents,
  partnerOrganizations,
  referralStatusHistory,
  referrals,
  rewardLedger,
} from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { CLIENT_EVENTS_PER_MINUTE } from "./analytics.routes.ts";

let t: TestApp;
let alice: SignedUpUser;
let bob: SignedUpUser;
let staff: SignedUpUser;
let partnerId: string;

const PATHS: Record<ReferralStatus, ReferralStatus[]> = {
  pending: ["pending"],
  contacted: ["pending", "contacted"],
  qualified: ["pending", "contacted", "qualified"],
  converted: ["pending", "contacted", "qualified", "converted"],
  rejected: ["pending", "rejected"],
};

/** One referral with its history; `rejectedFrom` is where a rejected one stopped. */
async function insertReferral(input: {
  referrerId: string;
  createdAt: string;
  status: ReferralStatus;
  convertedAt?: string;
  rejectedFrom?: ReferralStatus;
  partner?: boolean;
  commissionMinor?: number;
}) {
  const createdAt = new Date(input.createdAt);
  const [row] = await t.ctx.db
    .insert(referrals)
    .values({
      referrerId: input.referrerId,
      fullName: "Fixture Friend",
      email: `friend-${Math.random().toString(36).slice(2)}@example.com`,
      status: input.status,
      source: input.partner ? "partner" : "client",
      partnerOrganizationId: input.partner ? partnerId : null,
      convertedAt: input.convertedAt ? new Date(input.convertedAt) : null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning({ id: referrals.id });
  const steps =
    input.status === "rejected" && input.rejectedFrom
      ? [...PATHS[input.rejectedFrom], "rejected" as const]
      : PATHS[input.status];
  await t.ctx.db.insert(referralStatusHistory).values(
    steps.map((to, index) => ({
      referralId: row!.id,
      fromStatus: index === 0 ? null : steps[index - 1]!,
      toStatus: to,
      createdAt: new Date(createdAt.getTime() + index * 60_000),
    })),
  );
  if (input.commissionMinor) {
    await t.ctx.db.insert(rewardLedger).values({
      userId: input.referrerId,
      referralId: row!.id,
      kind: "partner_commission",
      amountMinor: input.commissionMinor,
      currency: "USD",
      availableAt: new Date(input.convertedAt!),
      partnerOrganizationId: partnerId,
    });
  }
}

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t, { name: "Alice Fixture" });
  bob = await signUp(t, { role: "partner", name: "Bob Partner" });
  staff = await signUp(t, { role: "staff" });
  const [org] = await t.ctx.db
    .insert(partnerOrganizations)
    .values({ name: "Fixture Partners", commissionType: "fixed", commissionAmountMinor: 5000 })
    .returning({ id: partnerOrganizations.id });
  partnerId = org!.id;
  const a = alice.id;
  const b = bob.id;
  // Hand-computed fixture for 2024-03-01..2024-03-05 (UTC); the expectations below follow from it.
  await insertReferral({
    referrerId: a,
    createdAt: "2024-03-01T10:00:00Z",
    status: "converted",
    convertedAt: "2024-03-02T10:00:00Z",
  });
  await insertReferral({
    referrerId: a,
    createdAt: "2024-03-01T12:00:00Z",
    status: "converted",
    convertedAt: "2024-03-04T00:00:00Z",
  });
  await insertReferral({
    referrerId: a,
    createdAt: "2024-03-03T09:00:00Z",
    status: "rejected",
    rejectedFrom: "qualified",
  });
  await insertReferral({
    referrerId: b,
    createdAt: "2024-03-03T10:00:00Z",
    status: "rejected",
    rejectedFrom: "pending",
    partner: true,
  });
  await insertReferral({
    referrerId: b,
    createdAt: "2024-03-05T23:59:00Z",
    status: "contacted",
    partner: true,
  });
  await insertReferral({ referrerId: a, createdAt: "2024-03-02T08:00:00Z", status: "pending" });
  await insertReferral({
    referrerId: b,
    createdAt: "2024-03-02T06:00:00Z",
    status: "converted",
    convertedAt: "2024-03-03T06:00:00Z",
    partner: true,
    commissionMinor: 5000,
  });
  // Outside the range: created the day before (but converted inside it) and on the day after.
  await insertReferral({
    referrerId: b,
    createdAt: "2024-02-29T23:00:00Z",
    status: "converted",
    convertedAt: "2024-03-01T01:00:00Z",
  });
  await insertReferral({ referrerId: a, createdAt: "2024-03-06T00:00:00Z", status: "pending" });
});
afterAll(() => t.close());

describe("POST /api/analytics/events", () => {
  it("stores a signed-in batch as client events and answers 202 with the count", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/analytics/events",
      headers: alice.headers,
      payload: {
        events: [
          { name: "page_view", properties: { path: "/referrals" }, sessionId: "s-1" },
          { name: "referral_form.opened", occurredAt: "2024-05-01T10:00:00.000Z" },
        ],
      },
    });
    expect(response.statusCode).toBe(202);
    expect(json(response)).toEqual({ status: "success", data: { accepted: 2 } });
    const rows = await t.ctx.db.select().from(analyticsEvents).where(eq(analyticsEvents.userId, alice.id));
    expect(rows.map((row) => [row.name, row.source]).sort()).toEqual([
      ["page_view", "client"],
      ["referral_form.opened", "client"],
    ]);
    const opened = rows.find((row) => row.name === "referral_form.opened")!;
    expect(opened.occurredAt.toISOString()).toBe("2024-05-01T10:00:00.000Z");
    expect(rows.find((row) => row.name === "page_view")!.properties).toEqual({ path: "/referrals" });
  });

  it("accepts anonymous events without a user", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/analytics/events",
      payload: { events: [{ name: "landing.view_anonymous" }] },
    });
    expect(response.statusCode).toBe(202);
    const [row] = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(eq(analyticsEvents.name, "landing.view_anonymous"));
    expect(row?.userId).toBeNull();
  });

  it("rejects bad events with field details", async () => {
    const cases = [
      { events: [] },
      { events: [{ name: "Bad Name" }] },
      { events: [{ name: "ok", extra: 1 }] },
      { events: [{ name: "ok", properties: { nested: { a: 1 } } }] },
      { events: Array.from({ length: 51 }, () => ({ name: "ok" })) },
    ];
    for (const payload of cases) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/analytics/events",
        headers: alice.headers,
        payload,
      });
      expect(response.statusCode).toBe(400);
      const body = json<{ error: { code: string; details: { fields: object } } }>(response);
      expect(body.error.code).toBe("VALIDATION_ERROR");
      expect(Object.keys(body.error.details.fields).length).toBeGreaterThan(0);
    }
  });

  it(`limits a caller to ${CLIENT_EVENTS_PER_MINUTE} batches a minute`, async () => {
    const caller = await signUp(t);
    const send = () =>
      t.app.inject({
        method: "POST",
        url: "/api/analytics/events",
        headers: caller.headers,
        payload: { events: [{ name: "tick" }] },
      });
    for (let i = 0; i < CLIENT_EVENTS_PER_MINUTE; i += 1) expect((await send()).statusCode).toBe(202);
    const limited = await send();
    expect(limited.statusCode).toBe(429);
    expect(json<{ error: { code: string } }>(limited).error.code).toBe("RATE_LIMITED");
    // Another caller has their own allowance.
    const other = await t.app.inject({
      method: "POST",
      url: "/api/analytics/events",
      headers: alice.headers,
      payload: { events: [{ name: "tick" }] },
    });
    expect(other.statusCode).toBe(202);
  });
});

const range = "from=2024-03-01&to=2024-03-05";

describe("GET /api/admin/analytics/overview", () => {
  it("computes the funnel, median, daily series and top referrers from the fixture", async () => {
    const response = await t.app.inject({
      url: `/api/admin/analytics/overview?${range}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    const { data } = json<{ data: Record<string, unknown> }>(response);
    expect(data.funnel).toEqual({
      from: "2024-03-01",
      to: "2024-03-05",
      total: 7,
      byStatus: { pending: 1, contacted: 1, qualified: 0, converted: 3, rejected: 2 },
      reached: { pending: 7, contacted: 5, qualified: 4, converted: 3 },
      conversionRate: 3 / 7,
      medianHoursToConvert: 24,
    });
    expect(data.daily).toEqual([
      { date: "2024-03-01", created: 2, converted: 1 },
      { date: "2024-03-02", created: 2, converted: 1 },
      { date: "2024-03-03", created: 2, converted: 1 },
      { date: "2024-03-04", created: 0, converted: 1 },
      { date: "2024-03-05", created: 1, converted: 0 },
    ]);
    expect(data.topReferrers).toEqual([
      { userId: alice.id, name: "Alice Fixture", email: alice.email, referrals: 4, converted: 2 },
      { userId: bob.id, name: "Bob Partner", email: bob.email, referrals: 3, converted: 1 },
    ]);
  });

  it("takes the median over an even number of conversions", async () => {
    const response = await t.app.inject({
      url: "/api/admin/analytics/overview?from=2024-03-01&to=2024-03-01",
      headers: staff.headers,
    });
    const { data } = json<{ data: { funnel: { total: number; medianHoursToConvert: number } } }>(response);
    expect(data.funnel.total).toBe(2);
    // 24 h and 60 h.
    expect(data.funnel.medianHoursToConvert).toBe(42);
  });

  it("answers zeros and a null median for an empty range", async () => {
    const response = await t.app.inject({
      url: "/api/admin/analytics/overview?from=2020-01-01&to=2020-01-03",
      headers: staff.headers,
    });
    const { data } = json<{
      data: {
        funnel: { total: number; conversionRate: number; medianHoursToConvert: null };
        daily: unknown[];
      };
    }>(response);
    expect(data.funnel).toMatchObject({ total: 0, conversionRate: 0, medianHoursToConvert: null });
    expect(data.daily).toHaveLength(3);
  });

  it("defaults to the last 30 days", async () => {
    const response = await t.app.inject({ url: "/api/admin/analytics/overview", headers: staff.headers });
    expect(response.statusCode).toBe(200);
    const { data } = json<{ data: { daily: { date: string }[]; funnel: { to: string } } }>(response);
    expect(data.daily).toHaveLength(30);
    expect(data.funnel.to).toBe(new Date().toISOString().slice(0, 10));
  });

  it("rejects a reversed or malformed range", async () => {
    for (const query of [
      "from=2024-03-05&to=2024-03-01",
      "from=yesterday",
      "from=2020-01-01&to=2024-01-01",
    ]) {
      const response = await t.app.inject({
        url: `/api/admin/analytics/overview?${query}`,
        headers: staff.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(response).error.code).toBe("VALIDATION_ERROR");
    }
  });

  it("is for staff only", async () => {
    const asClient = await t.app.inject({ url: "/api/admin/analytics/overview", headers: alice.headers });
    expect(asClient.statusCode).toBe(403);
    const anonymous = await t.app.inject({ url: "/api/admin/analytics/overview" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("GET /api/admin/analytics/top-partners", () => {
  it("ranks partner organisations with conversions and commission", async () => {
    const response = await t.app.inject({
      url: `/api/admin/analytics/top-partners?${range}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: unknown }>(response).data).toEqual([
      {
        partnerOrganizationId: partnerId,
        name: "Fixture Partners",
        referrals: 3,
        converted: 1,
        conversionRate: 1 / 3,
        commissionMinor: 5000,
        currency: "USD",
      },
    ]);
    const asPartner = await t.app.inject({ url: "/api/admin/analytics/top-partners", headers: bob.headers });
    expect(asPartner.statusCode).toBe(403);
  });
});

describe("GET /api/admin/analytics/export.csv", () => {
  it("downloads the daily series and the funnel as CSV", async () => {
    const response = await t.app.inject({
      url: `/api/admin/analytics/export.csv?${range}`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toContain(
      'filename="referral-analytics-2024-03-01-to-2024-03-05.csv"',
    );
    const lines = response.body.trim().split("\r\n");
    expect(lines.slice(0, 6)).toEqual([
      "date,created,converted",
      "2024-03-01,2,1",
      "2024-03-02,2,1",
      "2024-03-03,2,1",
      "2024-03-04,0,1",
      "2024-03-05,1,0",
    ]);
    expect(lines).toContain("contacted,1,5");
    expect(lines).toContain("converted,3,3");
    expect(lines).toContain("median_hours_to_convert,24");
    const asClient = await t.app.inject({ url: "/api/admin/analytics/export.csv", headers: alice.headers });
    expect(asClient.statusCode).toBe(403);
  });
});
