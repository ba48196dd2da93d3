import type { Config } from "../../config.ts";
import { manualGateway } from "./manual-gateway.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { createStripeGateway } from "./stripe-gateway.ts";

const built = new WeakMap<Config, PaymentGateway | null>();

/** The Stripe gateway when its secrets are configured (webhooks and refunds need it even after a switch back). */
export function stripeGatewayOf(config: Config): PaymentGateway | null {
  if (!built.has(config)) {
    const { stripeSecretKey, stripeWebhookSecret, stripeApiUrl } = config.payments;
    built.set(
      config,
      stripeSecretKey && stripeWebhookSecret
        ? createStripeGateway({
            secretKey: stripeSecretKey,
            webhookSecret: stripeWebhookSecret,
            apiUrl: stripeApiUrl,
          })
        : null,
    );
  }
  return built.get(config) ?? null;
}

/** The gateway clients pay through: PAYMENTS_PROVIDER. */
export function paymentGatewayOf(config: Config): PaymentGateway {
  return config.payments.provider === "stripe" ? (stripeGatewayOf(config) ?? manualGateway) : manualGateway;
}
