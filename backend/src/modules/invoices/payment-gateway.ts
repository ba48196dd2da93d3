import type { PaymentProvider } from "@referral-app/shared/schemas/invoice";

/** What the gateway is asked to collect: one invoice's balance. */
export interface PaymentRequest {
  invoiceId: string;
  invoiceNumber: string;
  amountMinor: number;
  currency: string;
  customerEmail: string;
  /** Where the hosted page sends the client back. */
  returnUrl: string;
  /** The consultancy's own words for paying by hand (manual gateway). */
  instructions: string;
}

export type PaymentStart =
  | { kind: "checkout"; sessionId: string; checkoutUrl: string }
  | { kind: "instructions"; instructions: string; reference: string };

/** A verified gateway event, reduced to what the invoices need. */
export interface GatewayEvent {
  id: string;
  type: string;
  effect:
    | {
        kind: "payment";
        /** The gateway's payment id (Stripe: the payment intent): one payment row per id. */
        paymentRef: string;
        sessionId: string | null;
        invoiceId: string | null;
        amountMinor: number;
        currency: string;
        paidAt: Date;
      }
    | {
        kind: "refunds";
        paymentRef: string;
        refunds: { refundRef: string; amountMinor: number; at: Date }[];
      }
    | { kind: "ignored" };
}

/** One interface for every way money comes in: manual (staff record it) and Stripe Checkout. */
export interface PaymentGateway {
  readonly provider: PaymentProvider;
  createPayment(request: PaymentRequest): Promise<PaymentStart>;
  /** Verifies the signature over the raw body; throws a 400 DomainError when it does not match. */
  handleWebhook(rawBody: Buffer, signature: string | undefined): GatewayEvent;
  /** Gives money back through the gateway; answers the gateway's refund id. */
  refund(input: {
    paymentRef: string;
    amountMinor: number;
    reason: string;
    /** The same key on a retry: the gateway refunds once. */
    key: string;
  }): Promise<{ refundRef: string }>;
}
