import { randomBytes } from "node:crypto";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import type { Invoice, PayInvoiceResult } from "@referral-app/shared/schemas/invoice";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, invoicePayments, paymentEvents, visaTypes } from "../../db/schema/index.ts";
import { type StripeApiServer, startStripeApiServer } from "../../test/stripe-api-server.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

const WEBHOOK_SECRET = "whsec_test_secret_for_invoices";
let t: TestApp;
let api: StripeApiServer;
let admin: SignedUpUser;
let client: SignedUpUser;
let caseId: string;
// Only for its test-header helper: signs payloads the way Stripe does.
const signer = new Stripe("sk_test_signer");

beforeAll(async () => {
  api = await startStripeApiServer();
  t = await createTestApp({
    PAYMENTS_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_invoices",
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: api.url,
  });
  admin = await signUp(t, { role: "admin" });
  client = await signUp(t, { name: "Card Payer" });
  const [type] = await t.ctx.db.insert(visaTypes).values({ name: "Visitor visa" }).returning();
  const opened = await t.app.inject({
    method: "POST",
    url: "/api/admin/cases",
    headers: admin.headers,
    payload: { clientId: client.id, visaTypeId: type!.id },
  });
  caseId = json<{ data: VisaCase }>(opened).data.id;
});
afterAll(async () => {
  await t.close();
  await api.close();
});

const data = <T>(response: { json(): unknown }) => (response.json() as { data: T }).data;
const post = (url: string, user: SignedUpUser, payload: unknown = {}) =>
  t.app.inject({ method: "POST", url, headers: user.headers, payload: payload as object });

async function openInvoice(amount = 120_000, isStageInvoice = false): Promise<Invoice> {
  const created = data<Invoice>(
    await post("/api/admin/invoices", admin, {
      caseId,
      currency: "USD",
      isStageInvoice,
      lines: [{ description: "Service fee", quantity: 1, unitAmountMinor: amount }],
    }),
  );
  return data<Invoice>(await post(`/api/admin/invoices/${created.id}/send`, admin));
}

const eventId = () => `evt_${randomBytes(10).toString("hex")}`;
const paymentIntent = () => `pi_${randomBytes(10).toString("hex")}`;

function event(type: string, object: Record<string, unknown>, id = eventId()) {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2025-11-17.clover",
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  });
}

const sessionCompleted = (
  invoice: Invoice,
  pi: string,
  sessionId = `cs_test_${randomBytes(6).toString("hex")}`,
) =>
  event("checkout.session.completed", {
    id: sessionId,
    object: "checkout.session",
    amount_total: invoice.balanceMinor,
    currency: "usd",
    client_reference_id: invoice.id,
    metadata: { invoiceId: invoice.id, invoiceNumber: invoice.number },
    mode: "payment",
    payment_intent: pi,
    payment_status: "paid",
    status: "complete",
    created: Math.floor(Date.now() / 1000),
  });

const intentSucceeded = (invoice: Invoice, pi: string) =>
  event("payment_intent.succeeded", {
    id: pi,
    object: "payment_intent",
    amount: invoice.balanceMinor,
    amount_received: invoice.balanceMinor,
    currency: "usd",
    metadata: { invoiceId: invoice.id, invoiceNumber: invoice.number },
    status: "succeeded",
    created: Math.floor(Date.now() / 1000),
  });

const chargeRefunded = (pi: string, refunds: { id: string; amount: number }[]) =>
  event("charge.refunded", {
    id: `ch_${randomBytes(8).toString("hex")}`,
    object: "charge",
    amount_refunded: refunds.reduce((sum, refund) => sum + refund.amount, 0),
    currency: "usd",
    payment_intent: pi,
    refunded: true,
    refunds: {
      object: "list",
      data: refunds.map((refund) => ({
        ...refund,
        object: "refund",
        status: "succeeded",
        created: 1_790_000_000,
      })),
    },
  });

const deliver = (
  payload: string,
  signature = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
) =>
  t.app.inject({
    method: "POST",
    url: "/api/webhooks/stripe",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    payload,
  });

const invoiceOf = async (id: string) =>
  data<Invoice>(await t.app.inject({ method: "GET", url: `/api/invoices/${id}`, headers: admin.headers }));
const paymentsOf = (id: string) =>
  t.ctx.db.select().from(invoicePayments).where(eq(invoicePayments.invoiceId, id));

describe("POST /api/invoices/:id/pay (Stripe Checkout)", () => {
  it("opens a Checkout Session for the balance through the SDK and answers its URL", async () => {
    const invoice = await openInvoice();
    const result = data<PayInvoiceResult>(await post(`/api/invoices/${invoice.id}/pay`, client));
    expect(result.provider).toBe("stripe");
    expect(result.provider === "stripe" && result.checkoutUrl).toMatch(
      /^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/,
    );
    const request = api.requests.find((entry) => entry.path === "/v1/checkout/sessions")!;
    expect(request.form.get("mode")).toBe("payment");
    expect(request.form.get("line_items[0][price_data][unit_amount]")).toBe("120000");
    expect(request.form.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(request.form.get("metadata[invoiceId]")).toBe(invoice.id);
    expect(request.form.get("payment_intent_data[metadata][invoiceId]")).toBe(invoice.id);
    expect(request.idempotencyKey).toBe(`checkout:${invoice.id}:120000`);
  });
});

describe("POST /api/webhooks/stripe", () => {
  it("answers 400 to a bad or missing signature and changes nothing", async () => {
    const invoice = await openInvoice();
    const payload = sessionCompleted(invoice, paymentIntent());
    const forged = signer.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect((await deliver(payload, forged)).statusCode).toBe(400);
    expect((await deliver(payload, "t=1,v1=abc")).statusCode).toBe(400);
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/webhooks/stripe",
      headers: { "content-type": "application/json" },
      payload,
    });
    expect(missing.statusCode).toBe(400);
    expect(json<{ error: { code: string } }>(missing).error.code).toBe("BAD_REQUEST");
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    expect((await invoiceOf(invoice.id)).state).toBe("open");
    const events = await t.ctx.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.id, JSON.parse(payload).id));
    expect(events).toHaveLength(0);
  });

  it("processes an event once: the replay is acknowledged and changes nothing", async () => {
    const invoice = await openInvoice();
    const payload = sessionCompleted(invoice, paymentIntent());
    const first = await deliver(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ received: true, processed: true });
    const replay = await deliver(payload);
    expect(json(replay)).toEqual({ received: true, processed: false });
    expect(await paymentsOf(invoice.id)).toHaveLength(1);
    expect(await invoiceOf(invoice.id)).toMatchObject({ state: "paid", paidMinor: 120_000 });
  });

  it("completes the case's Payment stage once when the stage invoice is paid by card", async () => {
    const invoice = await openInvoice(60_000, true);
    const payload = sessionCompleted(invoice, paymentIntent());
    expect((await deliver(payload)).statusCode).toBe(200);
    expect((await deliver(payload)).statusCode).toBe(200);
    expect(await invoiceOf(invoice.id)).toMatchObject({ state: "paid" });
    const completed = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, "case.payment_completed")));
    expect(completed.map((entry) => entry.after)).toEqual([{ invoiceId: invoice.id }]);
  });

  it("records the money once whichever of payment_intent.succeeded and the session completion comes first", async () => {
    const invoice = await openInvoice(50_000);
    const pi = paymentIntent();
    expect((await deliver(intentSucceeded(invoice, pi))).statusCode).toBe(200);
    expect((await deliver(sessionCompleted(invoice, pi))).statusCode).toBe(200);
    const rows = await paymentsOf(invoice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: "card", providerRef: pi, amountMinor: 50_000 });
  });

  it("takes a refund that arrives before its payment once the payment is in (Stripe redelivers)", async () => {
    const invoice = await openInvoice(40_000);
    const pi = paymentIntent();
    const refund = chargeRefunded(pi, [{ id: `re_${randomBytes(6).toString("hex")}`, amount: 15_000 }]);
    const early = await deliver(refund);
    expect(early.statusCode).toBe(409);
    expect(await paymentsOf(invoice.id)).toHaveLength(0);
    await deliver(sessionCompleted(invoice, pi));
    const again = await deliver(refund);
    expect(json(again)).toEqual({ received: true, processed: true });
    expect(await invoiceOf(invoice.id)).toMatchObject({
      state: "partially_paid",
      paidMinor: 40_000,
      refundedMinor: 15_000,
    });
  });

  it("refunds a card payment through the API; the refund's own webhook then changes nothing", async () => {
    const invoice = await openInvoice(30_000);
    const pi = paymentIntent();
    await deliver(sessionCompleted(invoice, pi));
    const refunded = await post(`/api/admin/invoices/${invoice.id}/refund`, admin, {
      reason: "Client withdrew",
    });
    expect(refunded.statusCode, refunded.body).toBe(200);
    expect(data<Invoice>(refunded)).toMatchObject({ state: "refunded", refundedMinor: 30_000 });
    const request = api.requests.findLast((entry) => entry.path === "/v1/refunds")!;
    expect(request.form.get("payment_intent")).toBe(pi);
    expect(request.form.get("amount")).toBe("30000");
    const rows = await paymentsOf(invoice.id);
    const refundRow = rows.find((row) => row.kind === "refund")!;
    await deliver(chargeRefunded(pi, [{ id: refundRow.providerRef!, amount: 30_000 }]));
    expect((await paymentsOf(invoice.id)).filter((row) => row.kind === "refund")).toHaveLength(1);
    expect((await invoiceOf(invoice.id)).refundedMinor).toBe(30_000);
  });
});
