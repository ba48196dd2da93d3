import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { Invoice } from "@referral-app/shared/schemas/invoice";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { remindOverdueInvoicesJob } from "./invoices.jobs.ts";

let t: TestApp;
let consultant: SignedUpUser;
let client: SignedUpUser;
let invoice: Invoice;
let paidInvoice: Invoice;

beforeAll(async () => {
  t = await createTestApp();
  consultant = await signUp(t, { role: "staff", name: "Cora Consultant" });
  client = await signUp(t, { name: "Late Payer" });
  const [type] = await t.ctx.db.insert(visaTypes).values({ name: "Family visa" }).returning();
  const opened = await t.app.inject({
    method: "POST",
    url: "/api/admin/cases",
    headers: consultant.headers,
    payload: { clientId: client.id, visaTypeId: type!.id, consultantId: consultant.id },
  });
  const caseId = json<{ data: VisaCase }>(opened).data.id;
  const issue = async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/invoices",
      headers: consultant.headers,
      payload: {
        caseId,
        issueDate: "2026-10-01",
        dueDate: "2026-10-15",
        lines: [{ description: "Service fee", unitAmountMinor: 90_000 }],
      },
    });
    const { id } = json<{ data: Invoice }>(created).data;
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/admin/invoices/${id}/send`,
      headers: consultant.headers,
    });
    return json<{ data: Invoice }>(sent).data;
  };
  invoice = await issue();
  paidInvoice = await issue();
  await t.app.inject({
    method: "POST",
    url: `/api/admin/invoices/${paidInvoice.id}/payments`,
    headers: consultant.headers,
    payload: { amount: 90_000, method: "cash", reference: "Receipt book 12", paidAt: "2026-10-10T12:00:00Z" },
  });
});
afterAll(() => t.close());

async function runOn(day: string): Promise<void> {
  await t.ctx.queue.send(remindOverdueInvoicesJob, { now: `${day}T09:00:00Z` });
  await t.drain();
}

const remindersOf = async (userId: string, invoiceNumber: string) =>
  t.ctx.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), like(notifications.title, `Invoice ${invoiceNumber} is%`)));

describe("invoice.overdue-reminders", () => {
  it("reminds the client at +1, +7 and +14 days once each, then tells the consultant", async () => {
    await runOn("2026-10-15");
    expect(await remindersOf(client.id, invoice.number!)).toHaveLength(0);
    await runOn("2026-10-16");
    await runOn("2026-10-16");
    await runOn("2026-10-20");
    expect(await remindersOf(client.id, invoice.number!)).toHaveLength(1);
    await runOn("2026-10-22");
    await runOn("2026-10-23");
    expect(await remindersOf(client.id, invoice.number!)).toHaveLength(2);
    expect(await remindersOf(consultant.id, invoice.number!)).toHaveLength(0);
    await runOn("2026-10-29");
    await runOn("2026-10-30");
    await runOn("2026-11-20");
    const client3 = await remindersOf(client.id, invoice.number!);
    expect(client3.map((row) => row.body)).toEqual([
      expect.stringContaining("1 day ago"),
      expect.stringContaining("7 days ago"),
      expect.stringContaining("14 days ago"),
    ]);
    const told = await remindersOf(consultant.id, invoice.number!);
    expect(told).toEqual([
      expect.objectContaining({ title: `Invoice ${invoice.number} is 14 days overdue` }),
    ]);
  });

  it("never reminds anyone of a paid invoice", async () => {
    await runOn("2026-11-30");
    expect(await remindersOf(client.id, paidInvoice.number!)).toHaveLength(0);
  });
});
