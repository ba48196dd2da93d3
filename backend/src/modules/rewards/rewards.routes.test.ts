import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications } from "../../db/schema/index.ts";
import { insertReferralRow, insertRewardRow } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let client: SignedUpUser;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

async function reward(status: "pending" | "approved" | "paid" | "reversed", availableAt?: Date) {
  const referralId = await insertReferralRow(t, { referrerId: client.id, status: "converted" });
  return insertRewardRow(t, {
    userId: client.id,
    referralId,
    status,
    ...(availableAt ? { availableAt } : {}),
  });
}

const act = (id: string, action: "approve" | "mark-paid" | "reverse", payload?: object) =>
  t.app.inject({
    method: "POST",
    url: `/api/admin/rewards/${id}/${action}`,
    headers: staff.headers,
    ...(payload ? { payload } : {}),
  });

describe("POST /api/admin/rewards/:id/{approve,mark-paid,reverse}", () => {
  it("allows exactly the ledger's transitions", async () => {
    const allowed: [string, "approve" | "mark-paid" | "reverse", string][] = [
      ["pending", "approve", "approved"],
      ["pending", "reverse", "reversed"],
      ["approved", "mark-paid", "paid"],
      ["approved", "reverse", "reversed"],
    ];
    for (const [from, action, to] of allowed) {
      const id = await reward(from as "pending");
      const response = await act(id, action, action === "reverse" ? { reason: "Fraud check" } : undefined);
      expect(response.statusCode, `${from} ${action}`).toBe(200);
      expect(json<{ data: { status: string } }>(response).data.status).toBe(to);
    }
    const forbidden: [string, "approve" | "mark-paid" | "reverse"][] = [
      ["pending", "mark-paid"],
      ["approved", "approve"],
      ["paid", "approve"],
      ["paid", "mark-paid"],
      ["paid", "reverse"],
      ["reversed", "approve"],
      ["reversed", "mark-paid"],
      ["reversed", "reverse"],
    ];
    for (const [from, action] of forbidden) {
      const id = await reward(from as "pending");
      const response = await act(id, action, action === "reverse" ? { reason: "x" } : undefined);
      expect(response.statusCode, `${from} ${action}`).toBe(409);
      expect(json<{ error: { code: string } }>(response).error.code).toBe("INVALID_TRANSITION");
    }
  });

  it("refuses approval during the holding period, allows it after", async () => {
    const id = await reward("pending", new Date(Date.now() + 86_400_000));
    const early = await act(id, "approve");
    expect(early.statusCode).toBe(409);
    expect(
      json<{ error: { code: string; details: { availableAt: string } } }>(early).error.details.availableAt,
    ).toBeTruthy();
    const late = await reward("pending", new Date(Date.now() - 1000));
    expect((await act(late, "approve")).statusCode).toBe(200);
  });

  it("requires a reason to reverse", async () => {
    const id = await reward("pending");
    expect((await act(id, "reverse", { reason: "  " })).statusCode).toBe(400);
    expect((await act(id, "reverse", {})).statusCode).toBe(400);
    const reversed = await act(id, "reverse", { reason: "Duplicate client" });
    expect(json<{ data: { reason: string } }>(reversed).data.reason).toBe("Duplicate client");
  });

  it("audits each change and notifies the beneficiary", async () => {
    const id = await reward("pending");
    await act(id, "approve");
    await act(id, "mark-paid");
    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "reward"), eq(auditLog.entityId, id)));
    expect(entries.map((entry) => [entry.action, entry.before, entry.after, entry.actorId])).toEqual(
      expect.arrayContaining([
        ["reward.approved", { status: "pending" }, { status: "approved" }, staff.id],
        ["reward.paid", { status: "approved" }, { status: "paid" }, staff.id],
      ]),
    );
    const audit = await t.app.inject({
      url: `/api/admin/audit?entityType=reward&actorId=${staff.id}&limit=100`,
      headers: staff.headers,
    });
    const listed = json<{ data: { entityId: string; actorName: string }[] }>(audit).data;
    expect(listed.filter((entry) => entry.entityId === id)).toHaveLength(2);
    await t.drain();
    const rows = await t.ctx.db
      .select({ title: notifications.title, type: notifications.type })
      .from(notifications)
      .where(eq(notifications.userId, client.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        { title: "Reward approved", type: "referral" },
        { title: "Reward paid", type: "referral" },
      ]),
    );
  });

  it("answers 404 for an unknown reward", async () => {
    expect((await act("00000000-0000-4000-8000-000000000001", "approve")).statusCode).toBe(404);
    expect((await act("not-a-uuid", "approve")).statusCode).toBe(404);
  });
});

describe("GET /api/admin/rewards and /totals", () => {
  it("filters, pages with a cursor and sums per currency and status", async () => {
    const other = await signUp(t);
    const referralId = await insertReferralRow(t, { referrerId: other.id, status: "converted" });
    await insertRewardRow(t, { userId: other.id, referralId, currency: "EUR", amountMinor: 700 });
    const first = await t.app.inject({ url: "/api/admin/rewards?limit=2", headers: staff.headers });
    const page = json<{ data: { id: string }[]; nextCursor: string }>(first);
    expect(page.data).toHaveLength(2);
    const second = await t.app.inject({
      url: `/api/admin/rewards?limit=2&cursor=${page.nextCursor}`,
      headers: staff.headers,
    });
    const next = json<{ data: { id: string }[] }>(second).data;
    expect(next.map((row) => row.id)).not.toContain(page.data[0]!.id);
    const eur = await t.app.inject({ url: `/api/admin/rewards?userId=${other.id}`, headers: staff.headers });
    expect(json<{ data: { currency: string; userEmail: string }[] }>(eur).data).toEqual([
      expect.objectContaining({ currency: "EUR", userEmail: other.email }),
    ]);
    const totals = await t.app.inject({ url: "/api/admin/rewards/totals", headers: staff.headers });
    const sums = json<{ data: { currency: string; status: string; amountMinor: number; count: number }[] }>(
      totals,
    ).data;
    expect(sums).toContainEqual({ currency: "EUR", status: "pending", amountMinor: 700, count: 1 });
    const bad = await t.app.inject({ url: "/api/admin/rewards?cursor=nonsense", headers: staff.headers });
    expect(bad.statusCode).toBe(400);
  });
});
