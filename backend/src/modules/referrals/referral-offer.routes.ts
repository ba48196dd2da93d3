import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import { referralOfferQuerySchema, referralOfferSchema } from "@referral-app/shared/schemas/referral-offer";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../plugins/error-responses.ts";
import { getReferralOffer } from "./referral-offer.service.ts";

/** Public: what a referral earns, and who invited the visitor of a share link. */
export const referralOfferRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  app.get(
    "/referral-offer",
    {
      schema: {
        operationId: "getReferralOffer",
        tags: ["referrals"],
        summary: "Public: the referral reward, and with a share link's code its owner's first name",
        querystring: referralOfferQuerySchema,
        response: { 200: apiResponseSchema(referralOfferSchema), ...errorResponses(400) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await getReferralOffer(ctx, request.query.code),
    }),
  );
};
