import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { Invoice } from "@referral-app/shared/schemas/invoice";
import { and, eq } from "drizzle-orm";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, visaTypes } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

// A 1×1 PNG: the letterhead's logo must not break the document.
const LOGO =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

let t: TestApp;
let admin: SignedUpUser;
let client: SignedUpUser;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, { role: "admin" });
  client = await signUp(t, { name: "Kenji Sato" });
  const [type] = await t.ctx.db.insert(visaTypes).values({ name: "Work visa" }).returning();
  const opened = await t.app.inject({
    method: "POST",
    url: "/api/admin/cases",
    headers: admin.headers,
    payload: { clientId: client.id, visaTypeId: type!.id },
  });
  caseId = json<{ data: VisaCase }>(opened).data.id;
  const saved = await t.app.inject({
    method: "PATCH",
    url: "/api/admin/settings",
    headers: admin.headers,
    payload: {
      businessName: "Harbour Visa Partners",
      businessAddress: "12 Quay Street, Auckland 1010",
      logoDataUrl: LOGO,
      taxRates: [{ id: "gst", name: "GST 10%", rateBps: 1000 }],
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown = {}) =>
  t.app.inject({ method: "POST", url, headers: admin.headers, payload: payload as object });

async function paidInvoice(currency: string, unitAmountMinor: number, paid: number): Promise<Invoice> {
  const created = json<{ data: Invoice }>(
    await post("/api/admin/invoices", {
      caseId,
      currency,
      lines: [
        { description: "Consultation fee", quantity: 1, unitAmountMinor, taxRateId: "gst" },
        { description: "Government fee", quantity: 2, unitAmountMinor },
      ],
    }),
  ).data;
  await post(`/api/admin/invoices/${created.id}/send`);
  const response = await post(`/api/admin/invoices/${created.id}/payments`, {
    amount: paid,
    method: "bank_transfer",
    reference: "BANK-778",
    paidAt: "2026-11-30T10:00:00Z",
  });
  expect(response.statusCode, response.body).toBe(201);
  return json<{ data: Invoice }>(response).data;
}

async function textOf(url: string, user = client): Promise<string> {
  const response = await t.app.inject({ method: "GET", url, headers: user.headers });
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers["content-type"]).toBe("application/pdf");
  const parser = new PDFParse({ data: new Uint8Array(response.rawPayload) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** The audited PDF downloads of an invoice (invoice before receipt): who, which PDF, and how. */
const downloadsOf = async (invoiceId: string) =>
  (
    await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoiceId), eq(auditLog.action, "invoice.pdf_downloaded")))
  )
    .map(
      (entry): Record<string, unknown> => ({
        actorId: entry.actorId,
        entityType: entry.entityType,
        ...entry.after,
      }),
    )
    .sort((a, b) => String(a.kind ?? "").localeCompare(String(b.kind ?? "")));

describe("GET /api/invoices/:id/pdf and /receipt.pdf", () => {
  it("prints a USD invoice with the letterhead, client, case, lines, tax, payments and balance", async () => {
    const invoice = await paidInvoice("USD", 12_345, 20_000);
    const text = await textOf(`/api/invoices/${invoice.id}/pdf`);
    for (const expected of [
      "Harbour Visa Partners",
      "12 Quay Street, Auckland 1010",
      invoice.number!,
      "Kenji Sato",
      invoice.caseNumber,
      "Consultation fee",
      "Government fee",
      "$123.45",
      "$246.90",
      "GST 10%",
      "$12.35",
      "$370.35",
      "$382.70",
      "BANK-778",
      "$200.00",
      "$182.70",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("prints JPY without decimals, and the receipt with what was received", async () => {
    const invoice = await paidInvoice("JPY", 50_000, 155_000);
    const text = await textOf(`/api/invoices/${invoice.id}/pdf`);
    for (const expected of ["¥50,000", "¥100,000", "GST 10%", "¥5,000", "¥155,000", "Paid", "¥0"]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
    const receipt = await textOf(`/api/invoices/${invoice.id}/receipt.pdf`);
    expect(receipt).toContain("Receipt");
    expect(receipt).toContain("Received with thanks: ¥155,000.");
  });

  it("audits each download: who, which invoice, invoice or receipt", async () => {
    const invoice = await paidInvoice("USD", 10_000, 2_000);
    await textOf(`/api/invoices/${invoice.id}/pdf`);
    await textOf(`/api/invoices/${invoice.id}/receipt.pdf`, admin);
    expect(await downloadsOf(invoice.id)).toEqual([
      { actorId: client.id, entityType: "invoice", number: invoice.number, kind: "invoice", via: "session" },
      { actorId: admin.id, entityType: "invoice", number: invoice.number, kind: "receipt", via: "session" },
    ]);
  });

  it("has no receipt before a payment, and no PDF for someone else", async () => {
    const created = json<{ data: Invoice }>(
      await post("/api/admin/invoices", { caseId, lines: [{ description: "Fee", unitAmountMinor: 100 }] }),
    ).data;
    await post(`/api/admin/invoices/${created.id}/send`);
    const receipt = await t.app.inject({
      method: "GET",
      url: `/api/invoices/${created.id}/receipt.pdf`,
      headers: client.headers,
    });
    expect(receipt.statusCode).toBe(409);
    const stranger = await signUp(t);
    const other = await t.app.inject({
      method: "GET",
      url: `/api/invoices/${created.id}/pdf`,
      headers: stranger.headers,
    });
    expect(other.statusCode).toBe(404);
  });
});

describe("GET /api/invoices/:id/pdf-link", () => {
  const linkOf = (id: string, user: SignedUpUser, kind = "invoice") =>
    t.app.inject({ method: "GET", url: `/api/invoices/${id}/pdf-link?kind=${kind}`, headers: user.headers });
  const open = (url: string) => t.app.inject({ method: "GET", url: url.replace(/^https?:\/\/[^/]+/, "") });

  it("gives the client a 5-minute link that opens the PDF without a session, and only that PDF", async () => {
    const invoice = await paidInvoice("USD", 10_000, 5_000);
    const answer = await linkOf(invoice.id, client);
    expect(answer.statusCode, answer.body).toBe(200);
    const link = json<{ data: { url: string; expiresAt: string } }>(answer).data;
    expect(link.url).toContain(`/api/invoices/${invoice.id}/pdf?token=`);
    const lifetime = Date.parse(link.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(250_000);
    expect(lifetime).toBeLessThanOrEqual(300_000);

    expect(await downloadsOf(invoice.id)).toEqual([]);
    const pdf = await open(link.url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe(`attachment; filename="${invoice.number}.pdf"`);
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    expect((await parser.getText()).text).toContain(invoice.number!);
    await parser.destroy();

    // The token names one PDF of one invoice: not the receipt, not another invoice, not altered.
    const token = new URL(link.url).searchParams.get("token")!;
    const other = await paidInvoice("USD", 10_000, 1_000);
    for (const url of [
      `/api/invoices/${invoice.id}/receipt.pdf?token=${encodeURIComponent(token)}`,
      `/api/invoices/${other.id}/pdf?token=${encodeURIComponent(token)}`,
      `/api/invoices/${invoice.id}/pdf?token=${encodeURIComponent(`${token}x`)}`,
    ]) {
      const refused = await open(url);
      expect(refused.statusCode, url).toBe(403);
      expect(json<{ error: { code: string } }>(refused).error.code).toBe("FORBIDDEN");
    }
    expect((await open(`/api/invoices/${invoice.id}/pdf`)).statusCode).toBe(401);

    const receipt = json<{ data: { url: string } }>(await linkOf(invoice.id, client, "receipt")).data;
    expect(receipt.url).toContain(`/api/invoices/${invoice.id}/receipt.pdf?token=`);
    expect((await open(receipt.url)).statusCode).toBe(200);
    // Opened without a session, each download is still the client's (the refused ones are not there).
    expect(await downloadsOf(invoice.id)).toEqual([
      { actorId: client.id, entityType: "invoice", number: invoice.number, kind: "invoice", via: "link" },
      { actorId: client.id, entityType: "invoice", number: invoice.number, kind: "receipt", via: "link" },
    ]);
    expect(await downloadsOf(other.id)).toEqual([]);
  });

  it("stops working once the 5 minutes are over", async () => {
    const invoice = await paidInvoice("USD", 10_000, 5_000);
    const link = json<{ data: { url: string } }>(await linkOf(invoice.id, client)).data;
    vi.useFakeTimers({ now: Date.now() + 301_000, toFake: ["Date"] });
    try {
      expect((await open(link.url)).statusCode).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers 404 for someone else's invoice, 409 for a receipt before a payment, 400 for a bad kind", async () => {
    const created = json<{ data: Invoice }>(
      await post("/api/admin/invoices", { caseId, lines: [{ description: "Fee", unitAmountMinor: 100 }] }),
    ).data;
    await post(`/api/admin/invoices/${created.id}/send`);
    expect((await linkOf(created.id, await signUp(t))).statusCode).toBe(404);
    expect((await linkOf(created.id, client, "receipt")).statusCode).toBe(409);
    expect((await linkOf(created.id, client, "zip")).statusCode).toBe(400);
  });
});
