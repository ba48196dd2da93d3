import { REFERRER_VISIBILITY_LEVELS, type ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import type { Notification } from "@referral-app/shared/schemas/notification";
import type { ReferralFriendProgress, ReferrerVisibility } from "@referral-app/shared/schemas/privacy";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases } from "../../db/schema/index.ts";
import { createOrganizationRow, signUpPartner } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let referrer: SignedUpUser;
let partner: SignedUpUser;
let organizationId: string;
let staff: SignedUpUser;
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  referrer = await signUp(t, { name: "Referrer" });
  staff = await signUp(t, { role: "staff" });
  organizationId = await createOrganizationRow(t);
  partner = await signUpPartner(t, organizationId);
});
afterAll(() => t.close());

async function refer(by: SignedUpUser, fullName: string, email: string): Promise<Referral> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: by.headers,
    payload: { fullName, email },
  });
  expect(response.statusCode).toBe(201);
  return json<{ data: Referral }>(response).data;
}

/** The friend signs up with the referral's e-mail, choosing a level on the form. */
async function friendSignsUp(email: string, level?: ReferrerVisibilityLevel): Promise<SignedUpUser> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    payload: {
      name: "Mei Chen",
      email,
      password: "correct-horse-1",
      ...(level ? { referrerVisibility: level } : {}),
    },
  });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { token: string; user: { id: string } };
  return { id: body.user.id, email, token: body.token, headers: { authorization: `Bearer ${body.token}` } };
}

async function caseOf(userId: string): Promise<string> {
  const [row] = await t.ctx.db.select({ id: cases.id }).from(cases).where(eq(cases.clientId, userId));
  return row!.id;
}

async function moveAndDecide(friend: SignedUpUser): Promise<void> {
  const caseId = await caseOf(friend.id);
  const moved = await t.app.inject({
    method: "POST",
    url: `/api/admin/cases/${caseId}/stage`,
    headers: staff.headers,
    payload: { stage: "assessment" },
  });
  expect(moved.statusCode).toBe(200);
  const decided = await t.app.inject({
    method: "POST",
    url: `/api/admin/cases/${caseId}/outcome`,
    headers: staff.headers,
    payload: { outcome: "granted", decidedAt: new Date().toISOString().slice(0, 10) },
  });
  expect(decided.statusCode).toBe(200);
}

async function referrerSees(by: SignedUpUser, referralId: string): Promise<Referral> {
  const list = json<{ data: Referral[] }>(
    await t.app.inject({ method: "GET", url: "/api/users/me/referrals?limit=100", headers: by.headers }),
  ).data;
  const fromList = list.find((item) => item.id === referralId)!;
  const detail = json<{ data: Referral }>(
    await t.app.inject({ method: "GET", url: `/api/referrals/${referralId}`, headers: by.headers }),
  ).data;
  // The list and the detail always agree.
  expect(detail.friend).toEqual(fromList.friend);
  return fromList;
}

async function partnerSees(referralId: string): Promise<Referral> {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/partners/referrals/${referralId}`,
    headers: partner.headers,
  });
  expect(response.statusCode).toBe(200);
  return json<{ data: Referral }>(response).data;
}

async function staffSees(referralId: string): Promise<Referral> {
  return json<{ data: Referral }>(
    await t.app.inject({ method: "GET", url: `/api/referrals/${referralId}`, headers: staff.headers }),
  ).data;
}

const EXPECTED: Record<ReferrerVisibilityLevel, ReferralFriendProgress | null> = {
  nothing: null,
  signed_up: { signedUp: true, stage: null, outcome: null },
  current_stage: { signedUp: true, stage: "assessment", outcome: null },
  stage_and_outcome: { signedUp: true, stage: "assessment", outcome: "granted" },
};
const EVERYTHING: ReferralFriendProgress = { signedUp: true, stage: "assessment", outcome: "granted" };

async function notificationsOf(user: SignedUpUser): Promise<Notification[]> {
  await t.drain();
  return json<{ data: Notification[] }>(
    await t.app.inject({ method: "GET", url: "/api/notifications?limit=100", headers: user.headers }),
  ).data;
}

describe("referrer visibility: each level × referrer / partner / staff", () => {
  for (const level of REFERRER_VISIBILITY_LEVELS) {
    it(`at "${level}" the referrer and the partner see exactly that much, staff everything`, async () => {
      sequence += 1;
      const byClient = await refer(referrer, `Mei ${level}`, `mei-${sequence}@example.org`);
      const byPartner = await refer(partner, `Ana ${level}`, `ana-${sequence}@example.org`);
      const mei = await friendSignsUp(byClient.email, level);
      const ana = await friendSignsUp(byPartner.email, level);
      await moveAndDecide(mei);
      await moveAndDecide(ana);

      const seen = await referrerSees(referrer, byClient.id);
      expect(seen.friend).toEqual(EXPECTED[level]);
      expect(seen.referredUserId).toBe(level === "nothing" ? null : mei.id);
      expect((await partnerSees(byPartner.id)).friend).toEqual(EXPECTED[level]);
      expect((await staffSees(byClient.id)).friend).toEqual(EVERYTHING);
      expect((await staffSees(byClient.id)).referredUserId).toBe(mei.id);

      // Notifications say as much as the level allows, in words.
      const bodies = (await notificationsOf(referrer))
        .filter((n) => n.data?.referralId === byClient.id)
        .map((n) => n.body);
      expect(bodies.includes(`Mei ${level} signed up.`)).toBe(level !== "nothing");
      expect(bodies.includes(`Mei ${level} is at Assessment.`)).toBe(
        level === "current_stage" || level === "stage_and_outcome",
      );
      expect(bodies.includes(`Mei ${level}'s visa was granted.`)).toBe(level === "stage_and_outcome");
    });
  }

  it("defaults to signed up when the friend chooses nothing at sign-up", async () => {
    const made = await refer(referrer, "Default Friend", "default-friend@example.org");
    const friend = await friendSignsUp(made.email);
    const visibility = json<{ data: ReferrerVisibility }>(
      await t.app.inject({
        method: "GET",
        url: "/api/users/me/referrer-visibility",
        headers: friend.headers,
      }),
    ).data;
    expect(visibility).toMatchObject({ level: "signed_up", referred: true });
    expect((await referrerSees(referrer, made.id)).friend).toEqual({
      signedUp: true,
      stage: null,
      outcome: null,
    });
  });

  it("a partner sees more only where the client agreed to more for that partner", async () => {
    const made = await refer(partner, "Granting Friend", "granting@example.org");
    const friend = await friendSignsUp(made.email, "nothing");
    await moveAndDecide(friend);
    expect((await partnerSees(made.id)).friend).toBeNull();
    const granted = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/referrer-visibility",
      headers: friend.headers,
      payload: { level: "nothing", partners: [{ organizationId, level: "stage_and_outcome" }] },
    });
    expect(granted.statusCode).toBe(200);
    expect(json<{ data: ReferrerVisibility }>(granted).data.partners).toEqual([
      expect.objectContaining({ organizationId, level: "stage_and_outcome" }),
    ]);
    expect((await partnerSees(made.id)).friend).toEqual(EVERYTHING);
  });

  it("refuses a grant for a partner that did not refer the person", async () => {
    const made = await refer(referrer, "Careful Friend", "careful@example.org");
    const friend = await friendSignsUp(made.email);
    const other = await createOrganizationRow(t);
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/referrer-visibility",
      headers: friend.headers,
      payload: { level: "signed_up", partners: [{ organizationId: other, level: "current_stage" }] },
    });
    expect(response.statusCode).toBe(400);
    expect(
      json<{ error: { details: { fields: Record<string, string[]> } } }>(response).error.details.fields,
    ).toHaveProperty("partners.0.organizationId");
  });
});

describe("PUT /api/users/:id/referrer-visibility", () => {
  it("after the friend changes to nothing the referrer sees nothing more, and the change is audited", async () => {
    const made = await refer(referrer, "Changing Friend", "changing@example.org");
    const friend = await friendSignsUp(made.email, "current_stage");
    const caseId = await caseOf(friend.id);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${caseId}/stage`,
      headers: staff.headers,
      payload: { stage: "detailed_enquiry" },
    });
    expect((await referrerSees(referrer, made.id)).friend?.stage).toBe("detailed_enquiry");

    const changed = await t.app.inject({
      method: "PUT",
      url: `/api/users/${friend.id}/referrer-visibility`,
      headers: friend.headers,
      payload: { level: "nothing" },
    });
    expect(changed.statusCode).toBe(200);
    const seen = await referrerSees(referrer, made.id);
    expect(seen.friend).toBeNull();
    expect(seen.caseId).toBeNull();

    // A later stage change tells the referrer nothing.
    await notificationsOf(referrer);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${caseId}/stage`,
      headers: staff.headers,
      payload: { stage: "assessment" },
    });
    const after = (await notificationsOf(referrer)).filter((n) => n.data?.referralId === made.id);
    expect(after.some((n) => n.body.includes("Assessment"))).toBe(false);

    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.visibility_changed"), eq(auditLog.entityId, friend.id)))
      .orderBy(auditLog.createdAt);
    expect(audit).toBeDefined();
    const rows = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.visibility_changed"), eq(auditLog.entityId, friend.id)));
    expect(rows.map((row) => row.after?.level)).toEqual(expect.arrayContaining(["current_stage", "nothing"]));
  });

  it("answers 400 for an unknown level and 404 for someone else's id", async () => {
    const other = await signUp(t);
    const bad = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/referrer-visibility",
      headers: other.headers,
      payload: { level: "everything" },
    });
    expect(bad.statusCode).toBe(400);
    const foreign = await t.app.inject({
      method: "PUT",
      url: `/api/users/${referrer.id}/referrer-visibility`,
      headers: other.headers,
      payload: { level: "nothing" },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
