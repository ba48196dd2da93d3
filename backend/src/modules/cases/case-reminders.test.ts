import type { VisaCase } from "@referral-app/shared/schemas/case";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationDeliveries, notifications, visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { remindOverdueTasksJob } from "./cases.jobs.ts";

let t: TestApp;
let staff: SignedUpUser;
let client: SignedUpUser;
let quiet: SignedUpUser;
let typeId: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  client = await signUp(t);
  quiet = await signUp(t);
  const [type] = await t.ctx.db
    .insert(visaTypes)
    .values({ name: "Student visa" })
    .returning({ id: visaTypes.id });
  typeId = type!.id;
});
afterAll(() => t.close());

async function caseWithTask(
  clientId: string,
  title: string,
  dueAt: string,
): Promise<{ caseId: string; taskId: string }> {
  const opened = json<{ data: VisaCase }>(
    await t.app.inject({
      method: "POST",
      url: "/api/admin/cases",
      headers: staff.headers,
      payload: { clientId, visaTypeId: typeId, consultantId: staff.id },
    }),
  ).data;
  const task = await t.app.inject({
    method: "POST",
    url: `/api/admin/cases/${opened.id}/tasks`,
    headers: staff.headers,
    payload: { title, assignee: { kind: "client" }, dueAt },
  });
  return { caseId: opened.id, taskId: json<{ data: { id: string } }>(task).data.id };
}

async function runAt(now: string): Promise<void> {
  await t.ctx.queue.send(remindOverdueTasksJob, { now });
  await t.drain();
}

async function overdueReminders(userId: string, taskId: string) {
  const rows = await t.ctx.db
    .select({ data: notifications.data, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, "reminder")));
  return rows.filter((row) => row.data?.kind === "case_task_overdue" && row.data.taskId === taskId);
}

describe("overdue task reminders", () => {
  it("remind the assignee once per day at most, through the queue, until the task is done", async () => {
    const { taskId } = await caseWithTask(client.id, "Book your medical exam", "2026-03-02T09:00:00Z");
    await runAt("2026-03-02T08:59:00Z");
    expect(await overdueReminders(client.id, taskId)).toHaveLength(0);
    await runAt("2026-03-02T10:00:00Z");
    await runAt("2026-03-02T11:00:00Z");
    await runAt("2026-03-02T23:59:00Z");
    expect(await overdueReminders(client.id, taskId)).toHaveLength(1);
    await runAt("2026-03-03T00:30:00Z");
    await runAt("2026-03-03T12:00:00Z");
    expect(await overdueReminders(client.id, taskId)).toHaveLength(2);
    // Staff hear nothing about the client's task.
    expect(await overdueReminders(staff.id, taskId)).toHaveLength(0);

    await t.app.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, headers: client.headers });
    await runAt("2026-03-04T12:00:00Z");
    expect(await overdueReminders(client.id, taskId)).toHaveLength(2);
  });

  it("stop when the case is decided", async () => {
    const { caseId, taskId } = await caseWithTask(client.id, "Send the form", "2026-04-01T09:00:00Z");
    await t.app.inject({
      method: "POST",
      url: `/api/admin/cases/${caseId}/outcome`,
      headers: staff.headers,
      payload: { outcome: "withdrawn", decidedAt: new Date().toISOString().slice(0, 10) },
    });
    await runAt("2026-04-02T12:00:00Z");
    expect(await overdueReminders(client.id, taskId)).toHaveLength(0);
  });

  it("honour the assignee's notification preferences", async () => {
    const off = { inApp: false, email: false, push: false };
    const saved = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: quiet.headers,
      payload: { preferences: { notifications: { reminder: off } } },
    });
    expect(saved.statusCode).toBe(200);
    const { taskId } = await caseWithTask(quiet.id, "Sign the contract", "2026-05-01T09:00:00Z");
    await runAt("2026-05-02T12:00:00Z");
    expect(await overdueReminders(quiet.id, taskId)).toHaveLength(0);
    const deliveries = await t.ctx.db
      .select({ status: notificationDeliveries.status })
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.dedupeKey, `reminder:task:${taskId}:2026-05-02`));
    expect(deliveries.map((row) => row.status)).toEqual(["skipped", "skipped", "skipped"]);
  });
});
