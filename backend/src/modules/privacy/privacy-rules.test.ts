import { MARKETING_CONSENT_VERSION } from "@referral-app/shared/constants";
import type { ActivityEntry, MarketingConsent } from "@referral-app/shared/schemas/privacy";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyticsDailyCounts,
  analyticsEvents,
  cases,
  consentRecords,
  devMailbox,
  notifications,
  users,
} from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { applyRetentionJob } from "./privacy.jobs.ts";

let t: TestApp;
let staff: SignedUpUser;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "English Staff" });
});
afterAll(() => t.close());

async function mailsTo(email: string) {
  await t.drain();
  return t.ctx.db
    .select()
    .from(devMailbox)
    .where(eq(devMailbox.to, email))
    .orderBy(desc(devMailbox.createdAt));
}

describe("retention rules (daily job)", () => {
  it("removes notifications after a year and aggregates analytics events, then drops them after 13 months", async () => {
    const user = await signUp(t);
    const now = new Date("2027-06-15T12:00:00Z");
    const old = new Date(now.getTime() - 400 * DAY);
    const recent = new Date(now.getTime() - 30 * DAY);
    await t.ctx.db.insert(notifications).values([
      { userId: user.id, type: "system", title: "Old", body: "old", dedupeKey: "old-1", createdAt: old },
      {
        userId: user.id,
        type: "system",
        title: "Recent",
        body: "recent",
        dedupeKey: "recent-1",
        createdAt: recent,
      },
    ]);
    const oldEvent = new Date(now.getTime() - 430 * DAY);
    await t.ctx.db.insert(analyticsEvents).values([
      {
        name: "retention_probe",
        source: "server",
        userId: user.id,
        occurredAt: oldEvent,
        createdAt: oldEvent,
      },
      {
        name: "retention_probe",
        source: "server",
        userId: user.id,
        occurredAt: oldEvent,
        createdAt: oldEvent,
      },
      { name: "retention_probe", source: "server", userId: user.id, occurredAt: recent, createdAt: recent },
    ]);
    await applyRetentionJob.handler({ now: now.toISOString() }, t.ctx);

    const left = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(left.map((n) => n.title)).toEqual(["Recent"]);
    const events = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(eq(analyticsEvents.name, "retention_probe"));
    expect(events).toHaveLength(1);
    const [counted] = await t.ctx.db
      .select()
      .from(analyticsDailyCounts)
      .where(eq(analyticsDailyCounts.name, "retention_probe"));
    expect(counted).toEqual({ day: oldEvent.toISOString().slice(0, 10), name: "retention_probe", count: 2 });

    // Running again changes nothing (idempotent).
    await applyRetentionJob.handler({ now: now.toISOString() }, t.ctx);
    const [again] = await t.ctx.db
      .select()
      .from(analyticsDailyCounts)
      .where(eq(analyticsDailyCounts.name, "retention_probe"));
    expect(again?.count).toBe(2);
  });
});

describe("marketing consent", () => {
  it("is opt-in, recorded with time and text version, and audited; withdrawing turns promotional e-mail off", async () => {
    const user = await signUp(t);
    const before = json<{ data: MarketingConsent }>(
      await t.app.inject({ method: "GET", url: "/api/users/me/marketing-consent", headers: user.headers }),
    ).data;
    expect(before).toEqual({ granted: false, textVersion: null, recordedAt: null });
    const stale = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/marketing-consent",
      headers: user.headers,
      payload: { granted: true, textVersion: "2020-01-01" },
    });
    expect(stale.statusCode).toBe(400);
    const granted = await t.app.inject({
      method: "PUT",
      url: "/api/users/me/marketing-consent",
      headers: user.headers,
      payload: { granted: true, textVersion: MARKETING_CONSENT_VERSION },
    });
    expect(json<{ data: MarketingConsent }>(granted).data).toMatchObject({
      granted: true,
      textVersion: MARKETING_CONSENT_VERSION,
      recordedAt: expect.any(String),
    });
    const [row] = await t.ctx.db
      .select({ preferences: users.preferences })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.preferences?.notifications.promotional).toMatchObject({ email: true, push: true });

    // Switching promotional e-mail off in the profile is a withdrawal, recorded too.
    const off = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: user.headers,
      payload: { preferences: { notifications: { promotional: { email: false, push: false } } } },
    });
    expect(off.statusCode).toBe(200);
    const records = await t.ctx.db
      .select({ granted: consentRecords.granted, textVersion: consentRecords.textVersion })
      .from(consentRecords)
      .where(eq(consentRecords.userId, user.id))
      .orderBy(consentRecords.createdAt);
    expect(records).toEqual([
      { granted: true, textVersion: MARKETING_CONSENT_VERSION },
      { granted: false, textVersion: MARKETING_CONSENT_VERSION },
    ]);
  });

  it("can be given at sign-up", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: {
        name: "Opted In",
        email: "opted.in@example.org",
        password: "correct-horse-1",
        marketingConsentVersion: MARKETING_CONSENT_VERSION,
      },
    });
    expect(response.statusCode).toBe(200);
    const id = (response.json() as { user: { id: string } }).user.id;
    const [record] = await t.ctx.db.select().from(consentRecords).where(eq(consentRecords.userId, id));
    expect(record).toMatchObject({ granted: true, kind: "marketing" });
  });
});

describe("GET /api/users/:id/audit", () => {
  it("lists the user's sign-ins, visibility and consent changes, newest first; others' trails answer 404", async () => {
    const user = await signUp(t, { password: "correct-horse-1" });
    await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: user.email, password: "correct-horse-1" },
    });
    await t.app.inject({
      method: "PUT",
      url: "/api/users/me/referrer-visibility",
      headers: user.headers,
      payload: { level: "current_stage" },
    });
    await t.app.inject({
      method: "PUT",
      url: "/api/users/me/marketing-consent",
      headers: user.headers,
      payload: { granted: true, textVersion: MARKETING_CONSENT_VERSION },
    });
    const trail = json<{ data: ActivityEntry[]; pagination: { total: number } }>(
      await t.app.inject({ method: "GET", url: "/api/users/me/audit", headers: user.headers }),
    );
    expect(trail.data.map((entry) => entry.action)).toEqual([
      "consent.marketing_granted",
      "privacy.visibility_changed",
      "auth.signed_in",
    ]);
    expect(trail.data.every((entry) => entry.byYou)).toBe(true);
    const other = await signUp(t);
    const foreign = await t.app.inject({
      method: "GET",
      url: `/api/users/${user.id}/audit`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const byStaff = await t.app.inject({
      method: "GET",
      url: `/api/users/${user.id}/audit`,
      headers: staff.headers,
    });
    expect(byStaff.statusCode).toBe(200);
  });
});

describe("messages in the recipient's language", () => {
  it("a Spanish-speaking client gets Spanish e-mails and notifications for a change an English-speaking staff member made", async () => {
    const client = await signUp(t, { name: "Lucía" });
    await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: client.headers,
      payload: { preferences: { language: "es" } },
    });
    await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: staff.headers,
      payload: { preferences: { language: "en" } },
    });
    const [own] = await t.ctx.db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(eq(cases.clientId, client.id));
    const moved = await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${own!.id}/stage`,
      headers: staff.headers,
      payload: { stage: "assessment" },
    });
    expect(moved.statusCode).toBe(200);
    const [mail] = await mailsTo(client.email);
    expect(mail?.subject).toBe("Su caso pasó a Evaluación");
    expect(mail?.text).toContain("Estimado/a Lucía:");
    expect(mail?.text).toContain(`El caso ${own!.number} está ahora en Evaluación.`);
    expect(mail?.text).toContain("Ver sus notificaciones");
    const [inApp] = await t.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, client.id), eq(notifications.type, "status_update")));
    expect(inApp?.title).toBe("Su caso pasó a Evaluación");
  });

  it("account e-mails (verification, reset) are in the language of the person they go to", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { name: "Pilar", email: "pilar@example.org", password: "correct-horse-1", language: "es" },
    });
    expect(response.statusCode).toBe(200);
    const [verify] = await mailsTo("pilar@example.org");
    expect(verify?.subject).toBe("Verifique su dirección de correo electrónico");
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: "pilar@example.org", redirectTo: "/reset-password" },
    });
    expect(reset.statusCode).toBe(200);
    const subjects = (await mailsTo("pilar@example.org")).map((mail) => mail.subject);
    expect(subjects).toContain("Restablezca su contraseña");
    // An English speaker's reset stays in English.
    const english = await signUp(t);
    await t.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: english.email, redirectTo: "/reset-password" },
    });
    expect((await mailsTo(english.email)).map((mail) => mail.subject)).toContain("Reset your password");
  });
});
