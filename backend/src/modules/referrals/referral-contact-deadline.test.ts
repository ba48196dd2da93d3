import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referrals } from "../../db/schema/index.ts";
import { addBusinessDays } from "../../lib/business-days.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let referrer: SignedUpUser;
let staff: SignedUpUser;
let admin: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  referrer = await signUp(t, { name: "Referrer" });
  staff = await signUp(t, { role: "staff" });
  admin = await signUp(t, { role: "admin" });
});
afterAll(() => t.close());

async function refer(email: string): Promise<Referral> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: referrer.headers,
    payload: { fullName: "Mei Chen", email },
  });
  expect(response.statusCode).toBe(201);
  return json<{ data: Referral }>(response).data;
}

const move = (id: string, status: string) =>
  t.app.inject({
    method: "PATCH",
    url: `/api/admin/referrals/${id}/status`,
    headers: staff.headers,
    payload: { status },
  });

describe("referral contact deadline", () => {
  it("gives each new referral a contact-by time in business days that admins set", async () => {
    const before = Date.now();
    const first = await refer("mei1@example.com");
    const expected = addBusinessDays(new Date(first.createdAt), 2).getTime();
    expect(new Date(first.contactBy).getTime()).toBe(expected);
    expect(first).toMatchObject({ contactOverdue: false, caseId: null });
    expect(new Date(first.contactBy).getTime()).toBeGreaterThan(before);

    expect(
      (
        await t.app.inject({
          method: "PATCH",
          url: "/api/admin/settings",
          headers: staff.headers,
          payload: { referralContactBusinessDays: 5 },
        })
      ).statusCode,
    ).toBe(403);
    const saved = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { referralContactBusinessDays: 5 },
    });
    expect(json<{ data: unknown }>(saved).data).toMatchObject({ referralContactBusinessDays: 5 });
    const read = await t.app.inject({ url: "/api/admin/settings", headers: staff.headers });
    expect(json<{ data: unknown }>(read).data).toMatchObject({ referralContactBusinessDays: 5 });
    const second = await refer("mei2@example.com");
    expect(new Date(second.contactBy).getTime()).toBe(
      addBusinessDays(new Date(second.createdAt), 5).getTime(),
    );
    const bad = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { referralContactBusinessDays: 0 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("shows a pending referral past its deadline as taking longer, to the referrer and in the pipeline", async () => {
    const late = await refer("late@example.com");
    await t.ctx.db
      .update(referrals)
      .set({ contactBy: new Date(Date.now() - 60_000) })
      .where(eq(referrals.id, late.id));
    const mine = json<{ data: Referral[] }>(
      await t.app.inject({ url: "/api/users/me/referrals", headers: referrer.headers }),
    ).data;
    expect(mine.find((item) => item.id === late.id)?.contactOverdue).toBe(true);
    const pipeline = json<{ data: { id: string; overdue: boolean }[] }>(
      await t.app.inject({ url: "/api/admin/referrals?status=pending", headers: staff.headers }),
    ).data;
    expect(pipeline.find((item) => item.id === late.id)?.overdue).toBe(true);
    // Contacted in time or late, it is no longer waiting.
    expect((await move(late.id, "contacted")).statusCode).toBe(200);
    const detail = json<{ data: Referral }>(
      await t.app.inject({ url: `/api/referrals/${late.id}`, headers: referrer.headers }),
    ).data;
    expect(detail.contactOverdue).toBe(false);
  });
});

describe("converting a referral links it to the friend's case", () => {
  it("links at conversion when the friend has a case, and the case shows it came from a referral", async () => {
    const friend = await signUp(t, { email: "friend-a@example.com", name: "Friend A" });
    const referral = await refer("friend-a@example.com");
    await t.ctx.db.update(referrals).set({ referredUserId: friend.id }).where(eq(referrals.id, referral.id));
    for (const status of ["contacted", "qualified", "converted"])
      expect((await move(referral.id, status)).statusCode).toBe(200);
    const detail = json<{ data: Referral }>(
      await t.app.inject({ url: `/api/referrals/${referral.id}`, headers: referrer.headers }),
    ).data;
    const friendCases = json<{ data: VisaCase[] }>(
      await t.app.inject({ url: "/api/users/me/cases", headers: friend.headers }),
    ).data;
    expect(detail.caseId).toBe(friendCases[0]?.id);
    expect(friendCases[0]?.fromReferral).toBe(true);
  });

  it("links when the friend signs up after the referral converted", async () => {
    const referral = await refer("friend-b@example.com");
    for (const status of ["contacted", "qualified", "converted"])
      expect((await move(referral.id, status)).statusCode).toBe(200);
    const profile = json<{ data: { referralCode: string } }>(
      await t.app.inject({ url: "/api/users/me/profile", headers: referrer.headers }),
    ).data;
    const friend = await signUp(t, { email: "friend-b@example.com", referralCode: profile.referralCode });
    const [linked] = await t.ctx.db
      .select({ caseId: referrals.caseId, referredUserId: referrals.referredUserId })
      .from(referrals)
      .where(eq(referrals.id, referral.id));
    expect(linked?.referredUserId).toBe(friend.id);
    const friendCases = json<{ data: VisaCase[] }>(
      await t.app.inject({ url: "/api/users/me/cases", headers: friend.headers }),
    ).data;
    expect(linked?.caseId).toBe(friendCases[0]?.id);
  });
});
