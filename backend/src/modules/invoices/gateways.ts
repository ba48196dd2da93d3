import type { Config } from "../../config.ts";
import { manualGateway } from "./manual-gateway.ts";
import type { PaymentGateway } from "./payment-gateway.ts";
import { createStripeGateway } from "./stripe-gateway.ts";

const built = new WeakMap<Config, Promise<PaymentGateway | null>>();

/** The Stripe gateway when its secrets are configured (webhooks and refunds need it even after a switch back). */
export function stripeGatewayOf(config: Config): Promise<PaymentGateway | null> {
  let gateway = built.get(config);
  if (!gateway) {
    const { stripeSecretKey, stripeWebhookSecret, stripeApiUrl } = config.payments;
    gateway =
      stripeSecretKey && stripeWebhookSecret
        ? createStripeGateway({
            secretKey: stripeSecretKey,
            webhookSecret: stripeWebhookSecret,
            apiUrl: stripeApiUrl,
          })
        : Promise.resolve(null);
    built.set(config, gateway);
  }
  return gateway;
}

/** The gateway clients pay through: PAYMENTS_PROVIDER. */
export async function paymentGatewayOf(config: Config): Promise<PaymentGateway> {
  return config.payments.provider === "stripe"
    ? ((await stripeGatewayOf(config)) ?? manualGateway)
    : manualGateway;
}
