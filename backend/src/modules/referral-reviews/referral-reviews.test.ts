import type { Notification } from "@referral-app/shared/schemas/notification";
import type { ReferralReview } from "@referral-app/shared/schemas/privacy";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseApplicants, cases, users } from "../../db/schema/index.ts";
import { createOrganizationRow, insertRewardRow, signUpPartner } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let admin: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  admin = await signUp(t, { role: "admin" });
});
afterAll(() => t.close());

async function refer(by: SignedUpUser, payload: Record<string, unknown>) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: by.headers,
    payload,
  });
  expect(response.statusCode).toBe(201);
  return json<{ data: Referral; message: string }>(response);
}

async function queue(query = ""): Promise<ReferralReview[]> {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/admin/referral-reviews?limit=100${query}`,
    headers: staff.headers,
  });
  expect(response.statusCode).toBe(200);
  return json<{ data: ReferralReview[] }>(response).data;
}

const reviewOf = async (referralId: string) =>
  (await queue()).filter((r) => r.referral.referralId === referralId);

async function notificationsOf(user: SignedUpUser): Promise<Notification[]> {
  await t.drain();
  return json<{ data: Notification[] }>(
    await t.app.inject({ method: "GET", url: "/api/notifications?limit=100", headers: user.headers }),
  ).data;
}

describe("fraud rules: one person referred twice", () => {
  it("the first referral wins; the later one is told 'already referred'; the collision is in the queue", async () => {
    const first = await signUp(t, { name: "First Referrer" });
    const second = await signUp(t, { name: "Second Referrer" });
    const a = await refer(first, { fullName: "Mei Chen", email: "mei.twice@example.org" });
    expect(a.data.review).toBeNull();
    const b = await refer(second, { fullName: "Mei Chen", email: "MEI.TWICE@example.org" });
    expect(b.message).toMatch(/^Already referred/);
    expect(b.data.review).toMatchObject({ state: "open", reason: "already_referred" });

    const [review] = await reviewOf(b.data.id);
    expect(review).toMatchObject({
      reason: "already_referred",
      conflictingReferral: { referralId: a.data.id, referrerName: "First Referrer" },
    });
    // The later referrer is told in words, without the first referrer's name.
    const told = (await notificationsOf(second)).find(
      (n) => n.data?.referralId === b.data.id && n.title.includes("reviewed"),
    );
    expect(told?.body).toMatch(/Already referred/);
    expect(told?.body).not.toContain("First Referrer");

    // The friend signs up: the first referral gets them.
    const friend = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { name: "Mei Chen", email: "mei.twice@example.org", password: "correct-horse-1" },
    });
    expect(friend.statusCode).toBe(200);
    const friendId = (friend.json() as { user: { id: string } }).user.id;
    const firstSees = json<{ data: Referral }>(
      await t.app.inject({ method: "GET", url: `/api/referrals/${a.data.id}`, headers: first.headers }),
    ).data;
    expect(firstSees.referredUserId).toBe(friendId);
    const secondSees = json<{ data: Referral }>(
      await t.app.inject({ method: "GET", url: `/api/referrals/${b.data.id}`, headers: second.headers }),
    ).data;
    expect(secondSees.referredUserId).toBeNull();
    expect(secondSees.review?.state).toBe("open");
  });

  it("matches by phone and by name with date of birth too", async () => {
    const one = await signUp(t);
    const two = await signUp(t);
    await refer(one, { fullName: "Ravi Patel", email: "ravi1@example.org", phone: "+61 400 111 222" });
    const byPhone = await refer(two, {
      fullName: "R. Patel",
      email: "ravi.other@example.org",
      phone: "+61400111222",
    });
    expect(byPhone.data.review?.reason).toBe("already_referred");
    await refer(one, { fullName: "Lena Kow", email: "lena1@example.org", dateOfBirth: "1990-04-01" });
    const byBirth = await refer(two, {
      fullName: "lena kow",
      email: "lena2@example.org",
      dateOfBirth: "1990-04-01",
    });
    expect(byBirth.data.review?.reason).toBe("already_referred");
  });

  it("a partner and a client claiming the same person is its own reason", async () => {
    const organizationId = await createOrganizationRow(t);
    const partner = await signUpPartner(t, organizationId);
    const client = await signUp(t);
    await refer(partner, { fullName: "Omar Said", email: "omar@example.org" });
    const claimed = await refer(client, { fullName: "Omar Said", email: "omar@example.org" });
    expect(claimed.data.review?.reason).toBe("partner_client_conflict");
    expect(claimed.message).toMatch(/^Already referred/);
  });
});

describe("fraud rules: household signals, self-referral, disposable e-mail, daily limit", () => {
  it("a second e-mail with the referrer's own phone goes to review; a declared family member does not", async () => {
    const referrer = await signUp(t);
    await t.ctx.db.update(users).set({ phone: "+61 400 999 888" }).where(eq(users.id, referrer.id));
    const self = await refer(referrer, {
      fullName: "Me Again",
      email: "me.again@example.org",
      phone: "+61400999888",
    });
    expect(self.data.review?.reason).toBe("self_referral_phone");
    const sister = await refer(referrer, {
      fullName: "My Sister",
      email: "sister@example.org",
      phone: "+61400999888",
      relationship: "family",
    });
    expect(sister.data.review).toBeNull();
  });

  it("a dependant on the referrer's case exempts the shared phone, also from the collision rule", async () => {
    const referrer = await signUp(t);
    await t.ctx.db.update(users).set({ phone: "+61 400 777 666" }).where(eq(users.id, referrer.id));
    const [own] = await t.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, referrer.id));
    await t.ctx.db.insert(caseApplicants).values({
      caseId: own!.id,
      kind: "dependant",
      fullName: "Kid Dependant",
      relationship: "child",
      position: 1,
    });
    const child = await refer(referrer, {
      fullName: "Kid Dependant",
      email: "kid@example.org",
      phone: "+61400777666",
    });
    expect(child.data.review).toBeNull();
  });

  it("flags disposable e-mail domains from the bundled list", async () => {
    const referrer = await signUp(t);
    const flagged = await refer(referrer, { fullName: "Temp Person", email: "temp@mailinator.com" });
    expect(flagged.data.review?.reason).toBe("disposable_email");
    expect(flagged.message).toMatch(/review/);
    expect((await reviewOf(flagged.data.id))[0]?.details).toEqual({ domain: "mailinator.com" });
  });

  it("flags referrals past the admin's daily limit, each with its reason", async () => {
    const saved = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { maxReferralsPerDay: 2 },
    });
    expect(saved.statusCode).toBe(200);
    const referrer = await signUp(t);
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(await refer(referrer, { fullName: `Busy ${i}`, email: `busy${i}@example.org` }));
    expect(made.map((m) => m.data.review?.reason ?? null)).toEqual([null, null, "daily_limit"]);
    await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { maxReferralsPerDay: 10 },
    });
  });
});

describe("POST /api/admin/referral-reviews/:id/resolve", () => {
  it("holds the reward while under review, releases it when found valid, and tells both parties", async () => {
    const first = await signUp(t, { name: "Alpha Referrer" });
    const second = await signUp(t, { name: "Beta Referrer" });
    const a = await refer(first, { fullName: "Held Friend", email: "held@example.org" });
    const b = await refer(second, { fullName: "Held Friend", email: "held@example.org" });
    const rewardId = await insertRewardRow(t, { userId: second.id, referralId: b.data.id });
    const held = await t.app.inject({
      method: "POST",
      url: `/api/admin/rewards/${rewardId}/approve`,
      headers: admin.headers,
    });
    expect(held.statusCode).toBe(409);
    expect(held.body).toContain("under review");

    const [review] = await reviewOf(b.data.id);
    const noReason = await t.app.inject({
      method: "POST",
      url: `/api/admin/referral-reviews/${review!.id}/resolve`,
      headers: staff.headers,
      payload: { decision: "invalid" },
    });
    expect(noReason.statusCode).toBe(400);
    const resolved = await t.app.inject({
      method: "POST",
      url: `/api/admin/referral-reviews/${review!.id}/resolve`,
      headers: staff.headers,
      payload: { decision: "valid" },
    });
    expect(resolved.statusCode).toBe(200);
    expect(json<{ data: ReferralReview }>(resolved).data).toMatchObject({
      state: "valid",
      resolvedBy: staff.id,
    });
    const again = await t.app.inject({
      method: "POST",
      url: `/api/admin/referral-reviews/${review!.id}/resolve`,
      headers: staff.headers,
      payload: { decision: "valid" },
    });
    expect(again.statusCode).toBe(409);

    const approved = await t.app.inject({
      method: "POST",
      url: `/api/admin/rewards/${rewardId}/approve`,
      headers: admin.headers,
    });
    expect(approved.statusCode).toBe(200);

    const secondTold = (await notificationsOf(second)).find((n) => n.title === "Referral confirmed");
    const firstTold = (await notificationsOf(first)).find((n) => n.title === "Referral confirmed");
    expect(secondTold?.body).toContain("Held Friend");
    expect(firstTold?.data?.referralId).toBe(a.data.id);
    expect(secondTold?.body).not.toContain("Alpha");
    expect(firstTold?.body).not.toContain("Beta");
  });

  it("an invalid decision carries its reason to the referrer and keeps the reward held", async () => {
    const referrer = await signUp(t);
    const flagged = await refer(referrer, { fullName: "Throwaway", email: "x@yopmail.com" });
    const rewardId = await insertRewardRow(t, { userId: referrer.id, referralId: flagged.data.id });
    const [review] = await reviewOf(flagged.data.id);
    const resolved = await t.app.inject({
      method: "POST",
      url: `/api/admin/referral-reviews/${review!.id}/resolve`,
      headers: staff.headers,
      payload: { decision: "invalid", reason: "We could not reach this address." },
    });
    expect(resolved.statusCode).toBe(200);
    expect((await queue("&state=invalid")).some((r) => r.id === review!.id)).toBe(true);
    const told = (await notificationsOf(referrer)).find((n) => n.title === "Referral not accepted");
    expect(told?.body).toContain("We could not reach this address.");
    const approve = await t.app.inject({
      method: "POST",
      url: `/api/admin/rewards/${rewardId}/approve`,
      headers: admin.headers,
    });
    expect(approve.statusCode).toBe(409);
    const mine = json<{ data: Referral }>(
      await t.app.inject({
        method: "GET",
        url: `/api/referrals/${flagged.data.id}`,
        headers: referrer.headers,
      }),
    ).data;
    expect(mine.review).toEqual({
      state: "invalid",
      reason: "disposable_email",
      resolutionReason: "We could not reach this address.",
    });
  });

  it("is for staff only (403), and an unknown review answers 404", async () => {
    const client = await signUp(t);
    const list = await t.app.inject({
      method: "GET",
      url: "/api/admin/referral-reviews",
      headers: client.headers,
    });
    expect(list.statusCode).toBe(403);
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/admin/referral-reviews/00000000-0000-4000-8000-000000000000/resolve",
      headers: staff.headers,
      payload: { decision: "valid" },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
