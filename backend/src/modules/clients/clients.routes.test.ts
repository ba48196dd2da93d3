import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../db/schema/index.ts";
import { insertReferralRow, insertRewardRow } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let ana: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  ana = await signUp(t, { name: "Ana Zebulon" });
  for (let i = 0; i < 4; i += 1) await signUp(t);
});
afterAll(() => t.close());

describe("GET /api/admin/clients", () => {
  it("searches by name or email, filters by stage and pages with a cursor", async () => {
    const byName = await t.app.inject({ url: "/api/admin/clients?q=zebul", headers: staff.headers });
    expect(json<{ data: { id: string }[] }>(byName).data.map((row) => row.id)).toEqual([ana.id]);
    const byEmail = await t.app.inject({
      url: `/api/admin/clients?q=${encodeURIComponent(ana.email.toUpperCase())}`,
      headers: staff.headers,
    });
    expect(json<{ data: unknown[] }>(byEmail).data).toHaveLength(1);

    await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${ana.id}/visa-stage/advance`,
      headers: staff.headers,
      payload: {},
    });
    const staged = await t.app.inject({
      url: "/api/admin/clients?stage=detailed_enquiry",
      headers: staff.headers,
    });
    expect(json<{ data: { id: string; currentStage: string }[] }>(staged).data).toEqual([
      expect.objectContaining({ id: ana.id, currentStage: "detailed_enquiry" }),
    ]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const response = await t.app.inject({
        url: `/api/admin/clients?limit=2${query}`,
        headers: staff.headers,
      });
      const page = json<{ data: { id: string }[]; nextCursor: string | null }>(response);
      seen.push(...page.data.map((row) => row.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen).not.toContain(staff.id);
  });
});

describe("GET /api/admin/clients/:id", () => {
  it("answers the case, referral summary and reward totals; 404 for non-clients", async () => {
    const referralId = await insertReferralRow(t, { referrerId: ana.id, status: "converted" });
    await insertReferralRow(t, { referrerId: ana.id });
    await insertRewardRow(t, { userId: ana.id, referralId, amountMinor: 2500 });
    const response = await t.app.inject({ url: `/api/admin/clients/${ana.id}`, headers: staff.headers });
    expect(response.statusCode).toBe(200);
    const { data } = json<{
      data: {
        profile: { email: string };
        visaProgress: { currentStage: string };
        referralStats: { total: number; byStatus: { converted: number } };
        recentReferrals: unknown[];
        rewards: { currency: string; status: string; amountMinor: number }[];
      };
    }>(response);
    expect(data.profile.email).toBe(ana.email);
    expect(data.visaProgress.currentStage).toBe("detailed_enquiry");
    expect(data.referralStats).toMatchObject({ total: 2, byStatus: { converted: 1 } });
    expect(data.recentReferrals).toHaveLength(2);
    expect(data.rewards).toEqual([{ currency: "USD", status: "pending", count: 1, amountMinor: 2500 }]);
    const notClient = await t.app.inject({ url: `/api/admin/clients/${staff.id}`, headers: staff.headers });
    expect(notClient.statusCode).toBe(404);
  });
});

describe("POST /api/admin/referrals/bulk-status", () => {
  it("moves only referrals whose transition is allowed and reports each id", async () => {
    const pending = await insertReferralRow(t, { referrerId: ana.id });
    const pending2 = await insertReferralRow(t, { referrerId: ana.id });
    const converted = await insertReferralRow(t, { referrerId: ana.id, status: "converted" });
    const qualified = await insertReferralRow(t, { referrerId: ana.id, status: "qualified" });
    const missing = "00000000-0000-4000-8000-000000000009";
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/referrals/bulk-status",
      headers: staff.headers,
      payload: {
        ids: [pending, converted, qualified, missing, pending2, pending],
        status: "contacted",
        notes: "Called",
      },
    });
    expect(response.statusCode).toBe(200);
    const { data } = json<{
      data: { updated: number; skipped: number; results: { id: string; outcome: string; code?: string }[] };
    }>(response);
    expect(data.updated).toBe(2);
    expect(data.skipped).toBe(3);
    expect(data.results).toEqual([
      { id: pending, outcome: "updated" },
      expect.objectContaining({ id: converted, outcome: "skipped", code: "INVALID_TRANSITION" }),
      expect.objectContaining({ id: qualified, outcome: "skipped", code: "INVALID_TRANSITION" }),
      expect.objectContaining({ id: missing, outcome: "skipped", code: "NOT_FOUND" }),
      { id: pending2, outcome: "updated" },
    ]);
    const rows = await t.ctx.db.select({ id: referrals.id, status: referrals.status }).from(referrals);
    const status = new Map(rows.map((row) => [row.id, row.status]));
    expect([status.get(pending), status.get(pending2), status.get(converted), status.get(qualified)]).toEqual(
      ["contacted", "contacted", "converted", "qualified"],
    );
  });

  it("refuses more than 500 ids", async () => {
    const ids = Array.from(
      { length: 501 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/referrals/bulk-status",
      headers: staff.headers,
      payload: { ids, status: "contacted" },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe("GET /api/admin/referrals/export.csv", () => {
  it("streams every referral matching the filters as CSV", async () => {
    const bob = await signUp(t);
    for (let i = 0; i < 3; i += 1) {
      await insertReferralRow(t, {
        referrerId: bob.id,
        fullName: i === 0 ? '=HYPERLINK("x")' : `Bob friend ${i}`,
        // Distinct times: rows inserted within one clock tick would sort by id.
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    const response = await t.app.inject({
      url: `/api/admin/referrals/export.csv?referrerId=${bob.id}&sort=oldest`,
      headers: staff.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("attachment");
    const lines = response.body.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,createdAt,status,fullName,email/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    const contacted = await t.app.inject({
      url: `/api/admin/referrals/export.csv?status=contacted`,
      headers: staff.headers,
    });
    expect(contacted.body.trim().split("\r\n")).toHaveLength(3);
  });
});
