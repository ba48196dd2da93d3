import type Stripe from "stripe";
import { DomainError } from "../../lib/domain-error.ts";
import type { GatewayEvent, PaymentGateway } from "./payment-gateway.ts";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Another API base (stripe-mock, a test server): the SDK's host/port/protocol options. */
  apiUrl?: string | undefined;
}

type Obj = Record<string, unknown>;
const str = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const num = (value: unknown): number => (typeof value === "number" ? value : 0);
const idOf = (value: unknown): string | null => str(value) ?? str((value as Obj | null)?.id);
const at = (seconds: unknown): Date => new Date(num(seconds) * 1000 || Date.now());

/** The parts of a Stripe event the invoices act on; everything else is acknowledged and ignored. */
export function effectOf(event: { type: string; data: { object: unknown } }): GatewayEvent["effect"] {
  const object = event.data.object as Obj;
  const metadata = (object.metadata ?? {}) as Obj;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const paymentRef = idOf(object.payment_intent);
      if (object.payment_status !== "paid" || !paymentRef) return { kind: "ignored" };
      return {
        kind: "payment",
        paymentRef,
        sessionId: str(object.id),
        invoiceId: str(metadata.invoiceId) ?? str(object.client_reference_id),
        amountMinor: num(object.amount_total),
        currency: String(object.currency ?? "").toUpperCase(),
        paidAt: at(object.created),
      };
    }
    case "payment_intent.succeeded": {
      const invoiceId = str(metadata.invoiceId);
      const paymentRef = str(object.id);
      if (!invoiceId || !paymentRef) return { kind: "ignored" };
      return {
        kind: "payment",
        paymentRef,
        sessionId: null,
        invoiceId,
        amountMinor: num(object.amount_received),
        currency: String(object.currency ?? "").toUpperCase(),
        paidAt: at(object.created),
      };
    }
    case "charge.refunded": {
      const paymentRef = idOf(object.payment_intent);
      const list = ((object.refunds as Obj | undefined)?.data ?? []) as Obj[];
      if (!paymentRef) return { kind: "ignored" };
      return {
        kind: "refunds",
        paymentRef,
        refunds: list
          .filter((refund) => refund.status !== "failed" && refund.status !== "canceled")
          .map((refund) => ({
            refundRef: String(refund.id),
            amountMinor: num(refund.amount),
            at: at(refund.created),
          })),
      };
    }
    case "refund.created":
    case "refund.updated": {
      const paymentRef = idOf(object.payment_intent);
      if (!paymentRef || object.status === "failed" || object.status === "canceled")
        return { kind: "ignored" };
      return {
        kind: "refunds",
        paymentRef,
        refunds: [{ refundRef: String(object.id), amountMinor: num(object.amount), at: at(object.created) }],
      };
    }
    default:
      return { kind: "ignored" };
  }
}

function clientOptions(apiUrl: string | undefined): ConstructorParameters<typeof Stripe>[1] {
  if (!apiUrl) return { maxNetworkRetries: 2 };
  const url = new URL(apiUrl);
  return {
    host: url.hostname,
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    protocol: url.protocol === "http:" ? "http" : "https",
    maxNetworkRetries: 0,
    telemetry: false,
  };
}

/**
 * Stripe Checkout through the official SDK; the same code runs against Stripe and the test server.
 * The SDK is loaded when a gateway is first built, not at start (about 11 MB a server without Stripe keeps).
 */
export async function createStripeGateway(settings: StripeSettings): Promise<PaymentGateway> {
  const { default: StripeSdk } = await import("stripe");
  const stripe = new StripeSdk(settings.secretKey, clientOptions(settings.apiUrl));
  return {
    provider: "stripe",
    async createPayment(request) {
      const metadata = { invoiceId: request.invoiceId, invoiceNumber: request.invoiceNumber };
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: request.invoiceId,
          customer_email: request.customerEmail,
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amountMinor,
                product_data: { name: `Invoice ${request.invoiceNumber}` },
              },
            },
          ],
          metadata,
          payment_intent_data: { metadata },
          success_url: `${request.returnUrl}${request.returnUrl.includes("?") ? "&" : "?"}paid=1`,
          cancel_url: request.returnUrl,
        },
        // One session per invoice and amount: a double click opens the same page.
        { idempotencyKey: `checkout:${request.invoiceId}:${request.amountMinor}` },
      );
      if (!session.url) throw new DomainError("SERVICE_UNAVAILABLE", "Stripe returned no checkout page");
      return { kind: "checkout", sessionId: session.id, checkoutUrl: session.url };
    },
    handleWebhook(rawBody, signature) {
      if (!signature) throw new DomainError("BAD_REQUEST", "Missing Stripe-Signature header");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
      } catch {
        throw new DomainError("BAD_REQUEST", "The webhook signature does not match");
      }
      return { id: event.id, type: event.type, effect: effectOf(event) };
    },
    async refund(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.paymentRef, amount: input.amountMinor, metadata: { reason: input.reason } },
        { idempotencyKey: input.key },
      );
      return { refundRef: refund.id };
    },
  };
}
