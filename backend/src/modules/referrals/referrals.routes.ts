import {
  apiResponseSchema,
  idParamsSchema,
  paginatedResponseSchema,
  userIdParamsSchema,
} from "@referral-app/shared/schemas/common";
import {
  createReferralSchema,
  type Referral,
  referralDetailSchema,
  referralListQuerySchema,
  referralSchema,
  referralStatsSchema,
} from "@referral-app/shared/schemas/referral";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageResponse } from "../../lib/envelope.ts";
import { requireRole, requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { adminReferralsRoutes } from "./admin-referrals.routes.ts";
import { referralBulkRoutes } from "./referral-bulk.routes.ts";
import { referralOfferRoutes } from "./referral-offer.routes.ts";
import { createReferral, getReferralDetail, getReferralStats, listReferralsOf } from "./referrals.service.ts";

// Loose: the validated object replaces request.headers, so every other header must survive.
const idempotencyHeadersSchema = z.looseObject({
  "idempotency-key": z.string().trim().min(1).max(255).optional(),
});

/** What the referrer is told: a flagged referral is accepted for review, never silently dropped. */
function submittedMessage(referral: Referral): string {
  if (
    referral.review?.reason === "already_referred" ||
    referral.review?.reason === "partner_client_conflict"
  ) {
    return "Already referred: this person was referred before. Our staff will review it and let you know.";
  }
  if (referral.review) return "Referral submitted: our staff will review it and let you know.";
  return "Referral submitted successfully";
}

export const referralsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/referrals",
    {
      schema: {
        operationId: "createReferral",
        tags: ["referrals"],
        summary: "Refer a friend (clients and partners); honours Idempotency-Key",
        headers: idempotencyHeadersSchema,
        body: createReferralSchema,
        response: { 201: apiResponseSchema(referralSchema) },
      },
    },
    async (request, reply) => {
      const actor = await requireRole(request, ["client", "partner"]);
      const result = await createReferral(ctx, actor, request.body, request.headers["idempotency-key"]);
      if (result.replayed) reply.header("idempotent-replayed", "true");
      // The stored first answer: always the 201 this route produces.
      return reply
        .status(result.statusCode as 201)
        .send({ status: "success" as const, data: result.body, message: submittedMessage(result.body) });
    },
  );

  app.get(
    "/users/:id/referrals",
    {
      schema: {
        operationId: "listReferrals",
        tags: ["referrals"],
        summary: "A referrer's referrals, newest first (`me` for the caller)",
        params: userIdParamsSchema,
        querystring: referralListQuerySchema,
        response: { 200: paginatedResponseSchema(referralSchema) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      return pageResponse(await listReferralsOf(ctx, actor, userId, request.query), request.query);
    },
  );

  app.get(
    "/users/:id/referral-stats",
    {
      schema: {
        operationId: "getReferralStats",
        tags: ["referrals"],
        summary: "Counts per status, conversion rate and rewards earned/pending",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(referralStatsSchema) },
      },
    },
    async (request) => {
      const userId = resolveUserId(await requireUser(request), request.params.id);
      return { status: "success" as const, data: await getReferralStats(ctx, userId) };
    },
  );

  app.get(
    "/referrals/:id",
    {
      schema: {
        operationId: "getReferral",
        tags: ["referrals"],
        summary: "One referral with its status history (referrer, their partner organisation, staff)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(referralDetailSchema) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getReferralDetail(ctx, actor, request.params.id) };
    },
  );

  await app.register(adminReferralsRoutes);
  await app.register(referralBulkRoutes);
  await app.register(referralOfferRoutes);
};
