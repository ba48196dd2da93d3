import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { Invoice, InvoiceSummary, PayInvoiceResult } from "@referral-app/shared/schemas/invoice";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, devMailbox, invoicePayments, notifications, visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let admin: SignedUpUser;
let client: SignedUpUser;
let stranger: SignedUpUser;
let caseId: string;
let visaTypeId: string;

const YEAR = new Date().getUTCFullYear();
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, { role: "admin", name: "Ada Admin" });
  client = await signUp(t, { name: "Mei Chen" });
  stranger = await signUp(t, { name: "Other Client" });
  const [type] = await t.ctx.db.insert(visaTypes).values({ name: "Student visa" }).returning();
  visaTypeId = type!.id;
  const opened = await send("POST", "/api/admin/cases", admin, {
    clientId: client.id,
    visaTypeId,
    consultantId: admin.id,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = json<{ data: VisaCase }>(opened).data.id;
  const saved = await send("PATCH", "/api/admin/settings", admin, {
    taxRates: [{ id: "vat", name: "VAT 10%", rateBps: 1000 }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t.close());

const get = (url: string, user: SignedUpUser) => t.app.inject({ method: "GET", url, headers: user.headers });
const send = (method: "POST" | "PATCH", url: string, user: SignedUpUser, payload?: unknown, headers = {}) =>
  t.app.inject({ method, url, headers: { ...user.headers, ...headers }, payload: (payload ?? {}) as object });
const data = <T>(response: { json(): unknown }) => (response.json() as { data: T }).data;

const LINES = [
  { description: "Consultation fee", quantity: 2, unitAmountMinor: 25_000, taxRateId: "vat" },
  { description: "Government fee (passed through)", quantity: 1, unitAmountMinor: 20_000 },
  { description: "Returning client discount", quantity: 1, unitAmountMinor: -5_000, taxRateId: "vat" },
];

async function draft(extra: Record<string, unknown> = {}): Promise<Invoice> {
  const response = await send("POST", "/api/admin/invoices", admin, {
    caseId,
    currency: "USD",
    lines: LINES,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return data<Invoice>(response);
}

async function sent(extra: Record<string, unknown> = {}): Promise<Invoice> {
  const invoice = await draft(extra);
  const response = await send("POST", `/api/admin/invoices/${invoice.id}/send`, admin);
  expect(response.statusCode, response.body).toBe(200);
  return data<Invoice>(response);
}

// One instant for every payment: retries with a key must send the same body (else 422 KEY_REUSED).
const PAID_AT = new Date(Date.now() - 60_000).toISOString();
const pay = (id: string, amount: number, key?: string) =>
  send(
    "POST",
    `/api/admin/invoices/${id}/payments`,
    admin,
    { amount, method: "bank_transfer", reference: "TRX-1", paidAt: PAID_AT },
    key ? { "idempotency-key": key } : {},
  );

describe("POST /api/admin/invoices and PATCH /api/admin/invoices/:id", () => {
  it("prices lines with the settings' tax rates per line: subtotal, tax and total in minor units", async () => {
    const invoice = await draft();
    expect(invoice.state).toBe("draft");
    expect(invoice.number).toBeNull();
    expect(invoice.lines.map((line) => [line.amountMinor, line.taxMinor])).toEqual([
      [50_000, 5_000],
      [20_000, 0],
      [-5_000, -500],
    ]);
    expect(invoice).toMatchObject({
      subtotalMinor: 65_000,
      taxMinor: 4_500,
      totalMinor: 69_500,
      balanceMinor: 69_500,
    });
  });

  it("refuses an unknown tax rate or currency on its field, and changes only drafts", async () => {
    const badRate = await send("POST", "/api/admin/invoices", admin, {
      caseId,
      lines: [{ description: "Fee", unitAmountMinor: 100, taxRateId: "gst" }],
    });
    expect(badRate.statusCode).toBe(400);
    expect(
      json<{ error: { details: { fields: Record<string, string[]> } } }>(badRate).error.details.fields,
    ).toHaveProperty("lines.0.taxRateId");
    expect((await send("POST", "/api/admin/invoices", admin, { caseId, currency: "XYZ" })).statusCode).toBe(
      400,
    );
    const invoice = await draft();
    const patched = await send("PATCH", `/api/admin/invoices/${invoice.id}`, admin, {
      lines: [{ description: "Service fee", quantity: 1, unitAmountMinor: 1_000 }],
    });
    expect(data<Invoice>(patched).totalMinor).toBe(1_000);
    await send("POST", `/api/admin/invoices/${invoice.id}/send`, admin);
    const late = await send("PATCH", `/api/admin/invoices/${invoice.id}`, admin, { notes: "late" });
    expect(late.statusCode).toBe(409);
  });

  it("starts from the visa type's template, and refuses another type's template", async () => {
    const created = await send("POST", "/api/admin/invoice-templates", admin, {
      visaTypeId,
      name: "Student package",
      currency: "JPY",
      lines: [{ description: "Service fee", quantity: 1, unitAmountMinor: 80_000, taxRateId: "vat" }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = data<{ id: string }>(created);
    const invoice = data<Invoice>(
      await send("POST", "/api/admin/invoices", admin, { caseId, templateId: template.id }),
    );
    expect(invoice).toMatchObject({ currency: "JPY", totalMinor: 88_000 });
    const [other] = await t.ctx.db.insert(visaTypes).values({ name: "Work visa" }).returning();
    const otherTemplate = data<{ id: string }>(
      await send("POST", "/api/admin/invoice-templates", admin, {
        visaTypeId: other!.id,
        name: "Work package",
        currency: "USD",
        lines: [{ description: "Fee", unitAmountMinor: 1 }],
      }),
    );
    expect(
      (await send("POST", "/api/admin/invoices", admin, { caseId, templateId: otherTemplate.id })).statusCode,
    ).toBe(400);
  });
});

describe("POST /api/admin/invoices/:id/send", () => {
  it("numbers invoices INV-<year>-NNNN without gaps or repeats when sent at once", async () => {
    const drafts = await Promise.all(Array.from({ length: 6 }, () => draft()));
    const responses = await Promise.all(
      drafts.map((item) => send("POST", `/api/admin/invoices/${item.id}/send`, admin)),
    );
    const numbers = responses.map((response) => data<Invoice>(response).number!);
    expect(numbers.every((number) => new RegExp(`^INV-${YEAR}-\\d{4}$`).test(number))).toBe(true);
    expect(new Set(numbers).size).toBe(6);
  });

  it("e-mails the client a link and notifies them; the client then sees it, strangers get 404", async () => {
    const invoice = await draft();
    expect((await get(`/api/invoices/${invoice.id}`, client)).statusCode).toBe(404);
    const issued = data<Invoice>(await send("POST", `/api/admin/invoices/${invoice.id}/send`, admin));
    expect(issued.state).toBe("open");
    await t.drain();
    const mails = await t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, client.email));
    expect(mails.some((mail) => mail.text.includes(`/cases/${caseId}?invoice=${invoice.id}`))).toBe(true);
    const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, client.id));
    expect(rows.some((row) => row.title === `Invoice ${issued.number}`)).toBe(true);
    expect((await get(`/api/invoices/${invoice.id}`, client)).statusCode).toBe(200);
    expect((await get(`/api/invoices/${invoice.id}`, stranger)).statusCode).toBe(404);
    expect((await get(`/api/cases/${caseId}/invoices`, stranger)).statusCode).toBe(404);
    const list = data<InvoiceSummary[]>(await get(`/api/cases/${caseId}/invoices`, client));
    expect(list.every((item) => item.state !== "draft")).toBe(true);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, invoice.id));
    expect(audit.map((row) => row.action).sort()).toEqual(["invoice.created", "invoice.sent"]);
  });
});

describe("POST /api/admin/invoices/:id/payments", () => {
  it("refuses a payment over the balance with 409 and changes nothing", async () => {
    const invoice = await sent();
    const response = await pay(invoice.id, invoice.balanceMinor + 1);
    expect(response.statusCode).toBe(409);
    const after = data<Invoice>(await get(`/api/invoices/${invoice.id}`, admin));
    expect(after).toMatchObject({ state: "open", paidMinor: 0, payments: [] });
  });

  it("records one payment for 20 concurrent requests with one Idempotency-Key", async () => {
    const invoice = await sent();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => pay(invoice.id, 10_000, "pay-once")),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(201));
    const rows = await t.ctx.db
      .select()
      .from(invoicePayments)
      .where(eq(invoicePayments.invoiceId, invoice.id));
    expect(rows).toHaveLength(1);
    const after = data<Invoice>(await get(`/api/invoices/${invoice.id}`, admin));
    expect(after).toMatchObject({ state: "partially_paid", paidMinor: 10_000, balanceMinor: 59_500 });
  });

  it("pays the stage invoice in full: paid, the Payment stage completes and the client is told", async () => {
    const invoice = await sent({ isStageInvoice: true });
    expect((await pay(invoice.id, 30_000)).statusCode).toBe(201);
    const before = data<VisaCase>(await get(`/api/cases/${caseId}`, client));
    expect(before.stages.find((stage) => stage.id === "payment")!.status).not.toBe("completed");
    const paid = data<Invoice>(await pay(invoice.id, invoice.balanceMinor - 30_000));
    expect(paid).toMatchObject({ state: "paid", balanceMinor: 0 });
    const after = data<VisaCase>(await get(`/api/cases/${caseId}`, client));
    expect(after.currentStage).toBe("payment");
    expect(after.stages.find((stage) => stage.id === "payment")).toMatchObject({
      status: "completed",
      completed: true,
    });
    await t.drain();
    const rows = await t.ctx.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, client.id), eq(notifications.title, "Payment received: stage complete")),
      );
    expect(rows).toHaveLength(1);
    expect((await pay(invoice.id, 1)).statusCode).toBe(409);
  });
});

describe("POST /api/admin/invoices/:id/void and /refund", () => {
  it("voids an unpaid invoice but not a paid one; refunds give the money back", async () => {
    const unpaid = await sent();
    const voided = await send("POST", `/api/admin/invoices/${unpaid.id}/void`, admin, {
      reason: "Issued twice",
    });
    expect(data<Invoice>(voided)).toMatchObject({ state: "void", balanceMinor: 0 });
    expect((await pay(unpaid.id, 100)).statusCode).toBe(409);
    const paid = await sent();
    await pay(paid.id, paid.totalMinor);
    expect(
      (await send("POST", `/api/admin/invoices/${paid.id}/void`, admin, { reason: "x" })).statusCode,
    ).toBe(409);
    const over = await send("POST", `/api/admin/invoices/${paid.id}/refund`, admin, {
      amount: paid.totalMinor + 1,
      reason: "Too much",
    });
    expect(over.statusCode).toBe(409);
    const partial = data<Invoice>(
      await send("POST", `/api/admin/invoices/${paid.id}/refund`, admin, {
        amount: 9_500,
        reason: "Fee waived",
      }),
    );
    expect(partial).toMatchObject({ state: "partially_paid", refundedMinor: 9_500, balanceMinor: 9_500 });
    const full = data<Invoice>(
      await send("POST", `/api/admin/invoices/${paid.id}/refund`, admin, { reason: "Withdrawn" }),
    );
    expect(full).toMatchObject({ state: "refunded", refundedMinor: paid.totalMinor });
  });
});

describe("POST /api/invoices/:id/pay (manual gateway)", () => {
  it("answers the consultancy's instructions with the invoice number as reference", async () => {
    await send("PATCH", "/api/admin/settings", admin, {
      paymentInstructions: "Transfer to IBAN GB00 TEST 0000.",
    });
    const invoice = await sent();
    const result = data<PayInvoiceResult>(await send("POST", `/api/invoices/${invoice.id}/pay`, client));
    expect(result).toEqual({
      provider: "manual",
      instructions: "Transfer to IBAN GB00 TEST 0000.",
      reference: invoice.number,
      amountMinor: invoice.totalMinor,
      currency: "USD",
    });
    expect((await send("POST", `/api/invoices/${invoice.id}/pay`, stranger)).statusCode).toBe(404);
  });
});

describe("GET /api/admin/invoices", () => {
  it("filters by state and derived overdue, and exports the same as CSV", async () => {
    const late = await sent({ issueDate: "2026-01-05", dueDate: "2026-01-20" });
    const overdue = data<InvoiceSummary[]>(await get("/api/admin/invoices?overdue=true&limit=100", admin));
    expect(overdue.map((item) => item.id)).toContain(late.id);
    expect(overdue.every((item) => item.overdue && item.dueDate < today())).toBe(true);
    const drafts = data<InvoiceSummary[]>(await get("/api/admin/invoices?state=draft&limit=100", admin));
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((item) => item.state === "draft")).toBe(true);
    const ranged = data<InvoiceSummary[]>(
      await get("/api/admin/invoices?from=2026-01-01&to=2026-01-31", admin),
    );
    expect(ranged.map((item) => item.id)).toEqual([late.id]);
    const csv = await get("/api/admin/invoices/export.csv?overdue=true", admin);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toMatch(/^number,state,overdue,/);
    expect(csv.body).toContain(`${late.number},open,yes,`);
    expect((await get("/api/admin/invoices", client)).statusCode).toBe(403);
  });
});
