import { DomainError } from "../../lib/domain-error.ts";
import type { PaymentGateway } from "./payment-gateway.ts";

const DEFAULT_INSTRUCTIONS =
  "Pay by bank transfer, in cash or by card at our office. Quote the invoice number as the reference; " +
  "your consultant records the payment and you receive a receipt.";

/** The embedded default: the client is told how to pay; staff record the money with a reference. */
export const manualGateway: PaymentGateway = {
  provider: "manual",
  async createPayment(request) {
    return {
      kind: "instructions",
      instructions: request.instructions.trim() || DEFAULT_INSTRUCTIONS,
      reference: request.invoiceNumber,
    };
  },
  handleWebhook() {
    throw new DomainError("NOT_FOUND", "The manual gateway takes no webhooks");
  },
  // Money handed back by hand: the reference staff give is the record.
  async refund(input) {
    return { refundRef: `manual-${input.paymentRef}` };
  },
};
