import {
  apiResponseSchema,
  idParamsSchema,
  paginatedResponseSchema,
} from "@referral-app/shared/schemas/common";
import {
  referralReviewListQuerySchema,
  referralReviewSchema,
  resolveReferralReviewSchema,
} from "@referral-app/shared/schemas/privacy";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { pageResponse } from "../../lib/envelope.ts";
import { requireStaff } from "../../plugins/authenticate.ts";
import { listReferralReviews, resolveReferralReview } from "./referral-reviews.service.ts";

/** Staff: the queue of referrals a fraud rule flagged, and their resolution. */
export const referralReviewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/referral-reviews",
    {
      schema: {
        operationId: "listReferralReviews",
        tags: ["admin"],
        summary:
          "Staff: referrals waiting for review (collisions, self-referrals, disposable e-mails, daily limit)",
        querystring: referralReviewListQuerySchema,
        response: { 200: paginatedResponseSchema(referralReviewSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return pageResponse(await listReferralReviews(ctx, request.query), request.query);
    },
  );

  app.post(
    "/admin/referral-reviews/:id/resolve",
    {
      schema: {
        operationId: "resolveReferralReview",
        tags: ["admin"],
        summary: "Staff: decide a review, valid or invalid (with a reason); both parties are told",
        params: idParamsSchema,
        body: resolveReferralReviewSchema,
        response: { 200: apiResponseSchema(referralReviewSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      return {
        status: "success" as const,
        data: await resolveReferralReview(ctx, actor, request.params.id, request.body),
      };
    },
  );
};
