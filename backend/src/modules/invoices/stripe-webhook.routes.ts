import { webhookResultSchema } from "@referral-app/shared/schemas/invoice";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../plugins/error-responses.ts";
import { handleStripeWebhook } from "./invoice-payments.service.ts";

/** Stripe signs the exact bytes it sent: this plugin alone keeps JSON bodies raw. */
export const stripeWebhookRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/webhooks/stripe",
    {
      schema: {
        operationId: "receiveStripeWebhook",
        tags: ["invoices", "webhooks"],
        summary: "Stripe events (raw body, Stripe-Signature checked: 400 and nothing changes on a bad one)",
        headers: z.looseObject({ "stripe-signature": z.string().max(2000).optional() }),
        body: z.unknown().describe("The event exactly as Stripe sent it"),
        response: { 200: webhookResultSchema, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const raw = Buffer.isBuffer(request.body)
        ? request.body
        : Buffer.from(JSON.stringify(request.body ?? null));
      const result = await handleStripeWebhook(ctx, raw, request.headers["stripe-signature"]);
      return { received: true as const, processed: result.processed };
    },
  );
};
