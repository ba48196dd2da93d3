import { formatCurrency } from "@referral-app/shared/formatting";
import type {
  Invoice,
  PayInvoiceResult,
  PaymentMethod,
  RecordPaymentData,
  RefundInvoiceData,
} from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { type IdempotentResult, runIdempotent } from "../../lib/idempotency.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { paymentGatewayOf, stripeGatewayOf } from "./gateways.ts";
import { settledState } from "./invoice-totals.ts";
import {
  claimPaymentEvent,
  findCheckoutInvoiceId,
  findInvoice,
  findInvoiceRow,
  findPaymentByProviderRef,
  type InvoiceRow,
  insertCheckout,
  insertPayment,
  listPaymentRows,
  updateInvoiceRow,
} from "./invoices.repository.ts";
import { getInvoice, invoiceLink, notifyClient, readInvoice } from "./invoices.service.ts";
import { completeStageWhenPaid } from "./stage-invoice.ts";

const balanceOf = (row: InvoiceRow) => row.totalMinor - (row.paidMinor - row.refundedMinor);

interface MoneyIn {
  amountMinor: number;
  method: PaymentMethod;
  reference: string | null;
  providerRef: string | null;
  paidAt: Date;
  actor: Actor | null;
}

/**
 * Records money in on a locked invoice: the payment, the new state, the audit entry and the client's
 * notification; paying the stage invoice in full completes the case's Payment stage. False when the
 * gateway's payment was already recorded.
 */
async function applyPayment(ctx: AppContext, tx: Tx, row: InvoiceRow, money: MoneyIn): Promise<boolean> {
  if (row.state !== "open" && row.state !== "partially_paid") {
    throw new DomainError("INVALID_TRANSITION", `A ${row.state.replace("_", " ")} invoice takes no payments`);
  }
  const balance = balanceOf(row);
  // Money a gateway already took is recorded whatever the balance (staff then refund the excess).
  if (money.amountMinor > balance && money.actor !== null) {
    throw new DomainError(
      "CONFLICT",
      `The payment (${formatCurrency(money.amountMinor, row.currency)}) is more than the balance (${formatCurrency(balance, row.currency)})`,
      { balanceMinor: balance },
    );
  }
  const payment = await insertPayment(tx, {
    invoiceId: row.id,
    kind: "payment",
    amountMinor: money.amountMinor,
    method: money.method,
    reference: money.reference,
    providerRef: money.providerRef,
    paidAt: money.paidAt,
    recordedBy: money.actor?.id ?? null,
  });
  if (!payment) return false;
  const paidMinor = row.paidMinor + money.amountMinor;
  const state = settledState({ totalMinor: row.totalMinor, paidMinor, refundedMinor: row.refundedMinor });
  await updateInvoiceRow(tx, row.id, { paidMinor, state });
  await writeAudit(tx, {
    actorId: money.actor?.id ?? null,
    action: "invoice.payment_recorded",
    entityType: "invoice",
    entityId: row.id,
    before: { state: row.state, paidMinor: row.paidMinor },
    after: {
      state,
      currency: row.currency,
      paidMinor,
      paymentId: payment.id,
      amountMinor: money.amountMinor,
      method: money.method,
      reference: money.reference,
    },
  });
  const amount = formatCurrency(money.amountMinor, row.currency);
  await notifyClient(ctx, tx, row, {
    title: state === "paid" ? `Invoice ${row.number} paid` : `Payment received on invoice ${row.number}`,
    body:
      state === "paid"
        ? `We received ${amount}: invoice ${row.number} is paid in full. Your receipt is ready to download.`
        : `We received ${amount} on invoice ${row.number}. ${formatCurrency(Math.max(0, balance - money.amountMinor), row.currency)} remains.`,
    key: `payment:${payment.id}`,
  });
  await completeStageWhenPaid(ctx, tx, row, state, money.actor);
  return true;
}

async function lockedInvoice(tx: Tx, id: string): Promise<InvoiceRow> {
  const row = await findInvoiceRow(tx, id, { forUpdate: true });
  if (!row) throw notFound("Invoice");
  return row;
}

/** Staff record money received by hand; with an Idempotency-Key a retry answers the first response. */
export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RecordPaymentData,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<Invoice>> {
  const paidAt = new Date(input.paidAt);
  if (paidAt.getTime() > Date.now() + 5 * 60 * 1000) {
    throw new DomainError("VALIDATION_ERROR", "The payment date cannot be in the future", {
      fields: { paidAt: ["The payment date cannot be in the future"] },
    });
  }
  const result = await runIdempotent(
    ctx.db,
    { userId: actor.id, scope: `invoices.payments:${id}`, key: idempotencyKey, body: input },
    async (tx) => {
      const row = await lockedInvoice(tx, id);
      await applyPayment(ctx, tx, row, {
        amountMinor: input.amount,
        method: input.method,
        reference: input.reference,
        providerRef: null,
        paidAt,
        actor,
      });
      const invoice = await findInvoice(tx, id);
      const { clientEmail: _email, ...body } = invoice!;
      return { statusCode: 201, body };
    },
  );
  return result;
}

async function applyRefund(
  ctx: AppContext,
  tx: Tx,
  row: InvoiceRow,
  refund: {
    amountMinor: number;
    method: PaymentMethod;
    refundRef: string;
    at: Date;
    actor: Actor | null;
    reason: string;
  },
): Promise<boolean> {
  const inserted = await insertPayment(tx, {
    invoiceId: row.id,
    kind: "refund",
    amountMinor: refund.amountMinor,
    method: refund.method,
    reference: refund.reason,
    providerRef: refund.refundRef,
    paidAt: refund.at,
    recordedBy: refund.actor?.id ?? null,
  });
  if (!inserted) return false;
  const refundedMinor = row.refundedMinor + refund.amountMinor;
  const state = settledState({ totalMinor: row.totalMinor, paidMinor: row.paidMinor, refundedMinor });
  await updateInvoiceRow(tx, row.id, { refundedMinor, state });
  await writeAudit(tx, {
    actorId: refund.actor?.id ?? null,
    action: "invoice.refunded",
    entityType: "invoice",
    entityId: row.id,
    before: { state: row.state, refundedMinor: row.refundedMinor },
    after: {
      state,
      currency: row.currency,
      refundedMinor,
      amountMinor: refund.amountMinor,
      reason: refund.reason,
    },
  });
  await notifyClient(ctx, tx, row, {
    title: `Refund on invoice ${row.number}`,
    body: `${formatCurrency(refund.amountMinor, row.currency)} was refunded on invoice ${row.number}.`,
    key: `refund:${inserted.id}`,
  });
  Object.assign(row, { refundedMinor, state });
  return true;
}

/**
 * Gives money back, newest payment first: card payments through their gateway's refund API, money
 * taken by hand recorded as handed back. Never more than was paid and not yet refunded.
 */
export async function refundInvoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: RefundInvoiceData,
): Promise<Invoice> {
  await ctx.db.transaction(async (tx) => {
    const row = await lockedInvoice(tx, id);
    const refundable = row.paidMinor - row.refundedMinor;
    if (!["paid", "partially_paid"].includes(row.state) || refundable <= 0) {
      throw new DomainError(
        "INVALID_TRANSITION",
        `A ${row.state.replace("_", " ")} invoice has nothing to refund`,
      );
    }
    let remaining = input.amount ?? refundable;
    if (remaining > refundable) {
      throw new DomainError(
        "CONFLICT",
        `At most ${formatCurrency(refundable, row.currency)} can be refunded`,
        {
          refundableMinor: refundable,
        },
      );
    }
    const payments = await listPaymentRows(tx, id);
    // Earlier refunds went back newest payment first, as this one does.
    let refundedBefore = row.refundedMinor;
    for (const payment of payments.filter((item) => item.kind === "payment").reverse()) {
      const spent = Math.min(refundedBefore, payment.amountMinor);
      refundedBefore -= spent;
      if (remaining <= 0 || spent === payment.amountMinor) continue;
      const amountMinor = Math.min(remaining, payment.amountMinor - spent);
      const gateway = payment.method === "card" ? await stripeGatewayOf(ctx.config) : null;
      if (payment.method === "card" && !gateway) {
        throw new DomainError("SERVICE_UNAVAILABLE", "Card refunds need the Stripe gateway configured");
      }
      const refundRef = gateway
        ? (
            await gateway.refund({
              paymentRef: payment.providerRef!,
              amountMinor,
              reason: input.reason,
              key: `refund:${payment.id}:${row.refundedMinor}:${amountMinor}`,
            })
          ).refundRef
        : `manual:${payment.id}:${row.refundedMinor}`;
      await applyRefund(ctx, tx, row, {
        amountMinor,
        method: payment.method,
        refundRef,
        at: new Date(),
        actor,
        reason: input.reason,
      });
      remaining -= amountMinor;
    }
  });
  return getInvoice(ctx, actor, id);
}

/** The client asks to pay the balance: a hosted checkout page, or the manual gateway's instructions. */
export async function payInvoice(ctx: AppContext, actor: Actor, id: string): Promise<PayInvoiceResult> {
  const invoice = await readInvoice(ctx, actor, id);
  if (invoice.state !== "open" && invoice.state !== "partially_paid") {
    throw new DomainError(
      "INVALID_TRANSITION",
      `A ${invoice.state.replace("_", " ")} invoice has nothing to pay`,
    );
  }
  const gateway = await paymentGatewayOf(ctx.config);
  const settings = await getSettings(ctx);
  const start = await gateway.createPayment({
    invoiceId: invoice.id,
    invoiceNumber: invoice.number!,
    amountMinor: invoice.balanceMinor,
    currency: invoice.currency,
    customerEmail: invoice.clientEmail,
    returnUrl: invoiceLink(ctx, invoice),
    instructions: settings.paymentInstructions,
  });
  if (start.kind === "checkout") {
    await insertCheckout(ctx.db, {
      sessionId: start.sessionId,
      invoiceId: invoice.id,
      provider: gateway.provider,
      amountMinor: invoice.balanceMinor,
    });
    return { provider: "stripe", checkoutUrl: start.checkoutUrl };
  }
  return {
    provider: "manual",
    instructions: start.instructions,
    reference: start.reference,
    amountMinor: invoice.balanceMinor,
    currency: invoice.currency,
  };
}

/**
 * A Stripe webhook: verified over the raw body (400 and nothing changes when it does not match),
 * then processed once per event id inside one transaction with its effect. Payments are keyed by
 * payment intent, so a session completion and a payment-intent success for the same money (in any
 * order) record it once. A refund for a payment not seen yet throws, so Stripe delivers it again.
 */
export async function handleStripeWebhook(
  ctx: AppContext,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<{ processed: boolean }> {
  const gateway = await stripeGatewayOf(ctx.config);
  if (!gateway) throw new DomainError("NOT_FOUND", "Stripe is not configured");
  const event = gateway.handleWebhook(rawBody, signature);
  const processed = await ctx.db.transaction(async (tx) => {
    if (!(await claimPaymentEvent(tx, { id: event.id, provider: "stripe", type: event.type }))) return false;
    const effect = event.effect;
    if (effect.kind === "payment") {
      if (await findPaymentByProviderRef(tx, "payment", effect.paymentRef)) return true;
      const invoiceId =
        effect.invoiceId ?? (effect.sessionId ? await findCheckoutInvoiceId(tx, effect.sessionId) : null);
      if (!invoiceId) return true;
      const row = await findInvoiceRow(tx, invoiceId, { forUpdate: true });
      if (!row || row.currency !== effect.currency) {
        ctx.logger.warn(
          { eventId: event.id, invoiceId },
          "stripe payment for an unknown invoice or currency",
        );
        return true;
      }
      await applyPayment(ctx, tx, row, {
        amountMinor: effect.amountMinor,
        method: "card",
        reference: effect.paymentRef,
        providerRef: effect.paymentRef,
        paidAt: effect.paidAt,
        actor: null,
      });
    }
    if (effect.kind === "refunds") {
      const payment = await findPaymentByProviderRef(tx, "payment", effect.paymentRef);
      if (!payment) {
        throw new DomainError(
          "CONFLICT",
          "The refunded payment is not recorded yet; deliver the event again later",
        );
      }
      const row = await lockedInvoice(tx, payment.invoiceId);
      for (const refund of effect.refunds) {
        if (await findPaymentByProviderRef(tx, "refund", refund.refundRef)) continue;
        await applyRefund(ctx, tx, row, {
          amountMinor: refund.amountMinor,
          method: "card",
          refundRef: refund.refundRef,
          at: refund.at,
          actor: null,
          reason: "Refunded through Stripe",
        });
      }
    }
    return true;
  });
  return { processed };
}
