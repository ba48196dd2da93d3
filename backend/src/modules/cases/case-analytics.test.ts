import type { CaseAnalytics, VisaCase } from "@referral-app/shared/schemas/case";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  caseStageHistory,
  cases,
  notifications,
  referrals,
  visaTypes,
} from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let other: SignedUpUser;
let client: SignedUpUser;
let admin: SignedUpUser;
let typeId: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff", name: "Sam" });
  other = await signUp(t, { role: "staff", name: "Olive" });
  client = await signUp(t);
  admin = await signUp(t, { role: "admin" });
  // Sign-up opened a case for each of them: start from none, so the figures are only this file's.
  await t.ctx.db.delete(cases);
  const [type] = await t.ctx.db
    .insert(visaTypes)
    .values({ name: "Analytics visa" })
    .returning({ id: visaTypes.id });
  typeId = type!.id;
});
afterAll(() => t.close());

async function openCase(consultantId: string | null): Promise<VisaCase> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/admin/cases",
    headers: staff.headers,
    payload: { clientId: client.id, visaTypeId: typeId, consultantId },
  });
  return json<{ data: VisaCase }>(response).data;
}

/** Rewrites a case's history so it spent `days[i]` days in stage i (enquiry, detailed enquiry, …). */
async function spend(caseId: string, days: number[]): Promise<void> {
  const stages = ["enquiry", "detailed_enquiry", "assessment", "application", "payment"] as const;
  await t.ctx.db.delete(caseStageHistory).where(eq(caseStageHistory.caseId, caseId));
  let at = new Date("2026-01-01T00:00:00Z").getTime();
  for (let index = 0; index <= days.length; index += 1) {
    await t.ctx.db.insert(caseStageHistory).values({
      caseId,
      fromStage: index === 0 ? null : stages[index - 1]!,
      toStage: stages[index]!,
      createdAt: new Date(at),
    });
    at += (days[index] ?? 0) * 86_400_000;
  }
}

describe("PATCH /api/admin/cases/:id: reassignment", () => {
  it("is audited and notifies both consultants", async () => {
    const opened = await openCase(staff.id);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/cases/${opened.id}`,
      headers: staff.headers,
      payload: { consultantId: other.id },
    });
    expect(json<{ data: VisaCase }>(response).data.consultant?.id).toBe(other.id);
    const [audit] = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, opened.id), eq(auditLog.action, "case.reassigned")));
    expect(audit).toMatchObject({ before: { consultantId: staff.id }, after: { consultantId: other.id } });
    await t.drain();
    const told = await t.ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.title, `Case ${opened.number} reassigned`));
    // Sam moved his own case: only Olive hears of it.
    expect(told.map((row) => row.userId)).toEqual([other.id]);
    const byAnother = await t.app.inject({
      method: "PATCH",
      url: `/api/admin/cases/${opened.id}`,
      headers: admin.headers,
      payload: { consultantId: staff.id },
    });
    expect(byAnother.statusCode).toBe(200);
    await t.drain();
    const second = await t.ctx.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(sql`${notifications.title} = ${`Case ${opened.number} reassigned`}`);
    expect(second.map((row) => row.userId).sort()).toEqual([other.id, other.id, staff.id].sort());
  });
});

describe("GET /api/admin/analytics/cases", () => {
  it("reports time in each stage (median and p90), consultants' load, outcomes and the share from referrals", async () => {
    const spans = [
      [2, 10],
      [4, 20],
      [6, 30],
    ];
    const opened: VisaCase[] = [];
    for (const days of spans) {
      const item = await openCase(other.id);
      await spend(item.id, days);
      opened.push(item);
    }
    const unassigned = await openCase(null);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${unassigned.id}/tasks`,
      headers: staff.headers,
      payload: { title: "Late", assignee: { kind: "client" }, dueAt: "2020-01-01T00:00:00Z" },
    });
    const today = new Date().toISOString().slice(0, 10);
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${opened[0]!.id}/outcome`,
      headers: staff.headers,
      payload: { outcome: "granted", decidedAt: today },
    });
    await t.ctx.db.insert(referrals).values({
      referrerId: staff.id,
      fullName: "Referred Friend",
      email: "friend@example.com",
      status: "converted",
      caseId: opened[1]!.id,
    });
    await t.ctx.cache.del("analytics:cases");

    const response = await t.app.inject({ url: "/api/admin/analytics/cases", headers: staff.headers });
    expect(response.statusCode).toBe(200);
    const data = json<{ data: CaseAnalytics }>(response).data;
    const ours = data.stageDurations.filter((row) => row.visaTypeId === typeId);
    expect(ours.find((row) => row.stage === "enquiry")).toMatchObject({
      cases: 3,
      medianDays: 4,
      p90Days: 5.6,
    });
    expect(ours.find((row) => row.stage === "detailed_enquiry")).toMatchObject({
      cases: 3,
      medianDays: 20,
      p90Days: 28,
    });
    // Stages a case is still in have no length yet.
    expect(ours.map((row) => row.stage)).toEqual(["enquiry", "detailed_enquiry"]);

    const olive = data.consultants.find((row) => row.id === other.id);
    // Three cases, one of them decided (the reassigned one went back to Sam).
    expect(olive).toMatchObject({ name: "Olive", openCases: 2, overdueTasks: 0 });
    expect(data.consultants.find((row) => row.id === null)).toMatchObject({
      name: "Unassigned",
      openCases: 1,
      overdueTasks: 1,
    });
    expect(data.outcomes.find((row) => row.visaTypeId === typeId)).toMatchObject({
      granted: 1,
      refused: 0,
      withdrawn: 0,
    });
    expect(data.referralShare).toEqual({ cases: 5, fromReferral: 1, share: 0.2 });
    expect(
      (await t.app.inject({ url: "/api/admin/analytics/cases", headers: client.headers })).statusCode,
    ).toBe(403);
  });
});
