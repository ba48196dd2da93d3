import type { CaseSummary } from "@referral-app/shared/schemas/case";
import type { Invoice, RevenueAnalytics } from "@referral-app/shared/schemas/invoice";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals, rewardLedger } from "../../db/schema/index.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp({ REWARD_HOLDING_DAYS: "0" });
  admin = await signUp(t, { role: "admin" });
});
afterAll(() => t.close());

const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: admin.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const data = <T>(response: { json(): unknown }) => (response.json() as { data: T }).data;

async function sentInvoice(user: SignedUpUser, amount: number): Promise<Invoice> {
  const [userCase] = data<CaseSummary[]>(await call("GET", `/api/users/${user.id}/cases`));
  const created = data<Invoice>(
    await call("POST", "/api/admin/invoices", {
      caseId: userCase!.id,
      currency: "USD",
      lines: [{ description: "Service fee", unitAmountMinor: amount }],
    }),
  );
  return data<Invoice>(await call("POST", `/api/admin/invoices/${created.id}/send`));
}

describe("GET /api/admin/analytics/revenue", () => {
  it("sums revenue by month, the outstanding balance, and ROI for client referrals", async () => {
    const referrer = await signUp(t);
    const code = data<{ referralCode: string }>(
      await t.app.inject({ method: "GET", url: "/api/users/me/profile", headers: referrer.headers }),
    ).referralCode;
    const friend = await signUp(t, { name: "Mei Chen", referralCode: code });
    const [referral] = await t.ctx.db.select().from(referrals).where(eq(referrals.referredUserId, friend.id));
    for (const status of ["contacted", "qualified", "converted"]) {
      await call("PATCH", `/api/admin/referrals/${referral!.id}/status`, { status });
    }
    const [reward] = await t.ctx.db
      .select()
      .from(rewardLedger)
      .where(eq(rewardLedger.referralId, referral!.id));
    await call("POST", `/api/admin/rewards/${reward!.id}/approve`, {});
    await call("POST", `/api/admin/rewards/${reward!.id}/mark-paid`, {});
    const paid = await sentInvoice(friend, 80_000);
    await call("POST", `/api/admin/invoices/${paid.id}/payments`, {
      amount: 80_000,
      method: "cash",
      reference: "Desk",
      paidAt: new Date().toISOString(),
    });
    await sentInvoice(friend, 25_000);

    const response = await call("GET", "/api/admin/analytics/revenue");
    expect(response.statusCode, response.body).toBe(200);
    const analytics = data<RevenueAnalytics>(response);
    expect(analytics.revenueByMonth).toEqual([
      { month: new Date().toISOString().slice(0, 7), currency: "USD", amountMinor: 80_000 },
    ]);
    expect(analytics.outstanding).toEqual([
      { currency: "USD", amountMinor: 25_000, overdueMinor: 0, invoices: 1 },
    ]);
    expect(analytics.referralRoi).toEqual([
      {
        channel: "client_referrals",
        partnerOrganizationId: null,
        name: "Client referrals",
        currency: "USD",
        revenueMinor: 80_000,
        costMinor: 10_000,
        roi: 8,
      },
    ]);
  });
});
