import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, notifications, referrals } from "../../db/schema/index.ts";
import { addBusinessDays } from "../../lib/business-days.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { sendRemindersJob } from "./reminders.jobs.ts";

let t: TestApp;
let client: SignedUpUser;
let finished: SignedUpUser;
let staff: SignedUpUser;
let admin: SignedUpUser;
const ids: Record<string, string> = {};

// June 2025: the 6th is a Friday, the 10th a Tuesday.
const at = (iso: string) => new Date(`2025-06-${iso}Z`);

async function runAt(now: string): Promise<void> {
  await t.ctx.queue.send(sendRemindersJob, { now: at(now).toISOString() });
  await t.drain();
}

async function reminders(userId: string) {
  const rows = await t.ctx.db
    .select({ data: notifications.data, title: notifications.title })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, "reminder")));
  return rows;
}
const referralReminders = async (userId: string) =>
  (await reminders(userId))
    .filter((row) => row.data?.kind === "referral_pending")
    .map((row) => row.data?.referralId)
    .sort();
const caseReminders = async (userId: string) =>
  (await reminders(userId))
    .filter((row) => row.data?.kind === "visa_stage_stuck")
    .map((row) => row.data?.stage);

async function addReferral(name: string, createdAt: Date, status: "pending" | "contacted" = "pending") {
  const [row] = await t.ctx.db
    .insert(referrals)
    .values({
      referrerId: client.id,
      fullName: name,
      email: `${name}@example.com`,
      status,
      createdAt,
      // What createReferral sets with the default settings.
      contactBy: addBusinessDays(createdAt, 2),
    })
    .returning({ id: referrals.id });
  ids[name] = row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  finished = await signUp(t);
  staff = await signUp(t, { role: "staff" });
  admin = await signUp(t, { role: "admin" });
  await addReferral("wednesday", at("04T10:00:00"));
  await addReferral("friday", at("06T10:00:00"));
  await addReferral("saturday", at("07T12:00:00"));
  await addReferral("handled", at("01T10:00:00"), "contacted");
  await t.ctx.db
    .update(cases)
    .set({ stageEnteredAt: at("03T10:00:00") })
    .where(eq(cases.clientId, client.id));
  await t.ctx.db
    .update(cases)
    .set({ currentStage: "payment", stageEnteredAt: at("01T00:00:00") })
    .where(eq(cases.clientId, finished.id));
  await t.drain();
});
afterAll(() => t.close());

describe("reminder job: a referral still pending past its contact deadline escalates to the admins", () => {
  it("counts business days: a Friday referral is not due over the weekend or before Tuesday's hour", async () => {
    await runAt("09T10:00:00");
    expect(await referralReminders(admin.id)).toEqual([ids.wednesday]);
    await runAt("10T09:59:00");
    expect(await referralReminders(admin.id)).toEqual([ids.wednesday]);
  });

  it("tells every admin once per referral, never consultants or the referrer", async () => {
    await runAt("10T10:01:00");
    const friday = [ids.wednesday, ids.friday].sort();
    expect(await referralReminders(admin.id)).toEqual(friday);
    expect(await referralReminders(staff.id)).toEqual([]);
    expect(await referralReminders(client.id)).toEqual([]);
    // A weekend referral counts from Monday: due Tuesday at its hour.
    await runAt("10T12:01:00");
    await runAt("11T09:00:00");
    await runAt("11T09:00:00");
    const all = [ids.wednesday, ids.friday, ids.saturday].sort();
    expect(await referralReminders(admin.id)).toEqual(all);
    const [marked] = await t.ctx.db
      .select({ at: referrals.lastReminderAt })
      .from(referrals)
      .where(eq(referrals.id, ids.friday!));
    expect(marked?.at?.toISOString()).toBe(at("10T10:01:00").toISOString());
  });

  it("leaves referrals that moved on alone", async () => {
    await runAt("30T09:00:00");
    expect(await referralReminders(admin.id)).not.toContain(ids.handled);
  });
});

describe("reminder job: a case stuck 14 days in a stage reminds its client", () => {
  it("reminds once per stage entry, not before 14 days, never for a finished case", async () => {
    // The client's case entered Enquiry on the 3rd at 10:00 (runs above reached the 30th).
    expect(await caseReminders(client.id)).toEqual(["enquiry"]);
    expect(await caseReminders(finished.id)).toEqual([]);
    expect(await caseReminders(staff.id)).toEqual([]);

    const advance = await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${client.id}/visa-stage/advance`,
      headers: staff.headers,
      payload: {},
    });
    expect(advance.statusCode).toBe(200);
    await t.ctx.db
      .update(cases)
      .set({ stageEnteredAt: new Date("2025-07-01T08:00:00Z") })
      .where(eq(cases.clientId, client.id));
    await t.ctx.queue.send(sendRemindersJob, { now: "2025-07-15T07:59:00Z" });
    await t.drain();
    expect(await caseReminders(client.id)).toEqual(["enquiry"]);
    await t.ctx.queue.send(sendRemindersJob, { now: "2025-07-15T08:01:00Z" });
    await t.ctx.queue.send(sendRemindersJob, { now: "2025-07-20T08:01:00Z" });
    await t.drain();
    expect((await caseReminders(client.id)).sort()).toEqual(["detailed_enquiry", "enquiry"]);
    const titles = (await reminders(client.id)).map((row) => row.title);
    expect(titles).toContain("Your case is waiting at Detailed Enquiry");
  });
});
