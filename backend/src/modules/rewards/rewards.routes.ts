import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  reverseRewardSchema,
  rewardEntrySchema,
  rewardListQuerySchema,
  rewardStatusTotalSchema,
  rewardTotalsQuerySchema,
} from "@referral-app/shared/schemas/rewards";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { rewardCreditRoutes } from "./reward-credit.routes.ts";
import { changeRewardStatus, getRewardTotals, searchRewards } from "./rewards.service.ts";

const entryResponse = { 200: apiResponseSchema(rewardEntrySchema) };

export const rewardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(rewardCreditRoutes);

  app.get(
    "/admin/rewards",
    {
      schema: {
        operationId: "listRewards",
        tags: ["admin"],
        summary: "Staff: the reward ledger, newest first, filtered by status and kind (cursor-paged)",
        querystring: rewardListQuerySchema,
        response: { 200: cursorPageSchema(rewardEntrySchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await searchRewards(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/admin/rewards/totals",
    {
      schema: {
        operationId: "getRewardTotals",
        tags: ["admin"],
        summary: "Staff: ledger sums per currency and status",
        querystring: rewardTotalsQuerySchema,
        response: { 200: apiResponseSchema(z.array(rewardStatusTotalSchema)) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getRewardTotals(ctx, request.query) };
    },
  );

  app.post(
    "/admin/rewards/:id/approve",
    {
      schema: {
        operationId: "approveReward",
        tags: ["admin"],
        summary:
          "Staff: approve a pending reward once its holding period is over (else 409 INVALID_TRANSITION)",
        params: idParamsSchema,
        response: entryResponse,
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeRewardStatus(ctx, actor, request.params.id, "approve");
      return { status: "success" as const, data, message: "Reward approved" };
    },
  );

  app.post(
    "/admin/rewards/:id/mark-paid",
    {
      schema: {
        operationId: "markRewardPaid",
        tags: ["admin"],
        summary: "Staff: mark an approved reward paid",
        params: idParamsSchema,
        response: entryResponse,
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeRewardStatus(ctx, actor, request.params.id, "mark_paid");
      return { status: "success" as const, data, message: "Reward marked paid" };
    },
  );

  app.post(
    "/admin/rewards/:id/reverse",
    {
      schema: {
        operationId: "reverseReward",
        tags: ["admin"],
        summary: "Staff: reverse a pending or approved reward, with a reason",
        params: idParamsSchema,
        body: reverseRewardSchema,
        response: entryResponse,
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeRewardStatus(ctx, actor, request.params.id, "reverse", request.body.reason);
      return { status: "success" as const, data, message: "Reward reversed" };
    },
  );
};
