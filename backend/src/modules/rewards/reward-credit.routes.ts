import { apiResponseSchema, idParamsSchema, userIdParamsSchema } from "@referral-app/shared/schemas/common";
import {
  creditBalanceSchema,
  rewardPreferenceSchema,
  rewardVestingSchema,
  updateRewardPreferenceSchema,
  updateRewardVestingSchema,
} from "@referral-app/shared/schemas/rewards";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DomainError } from "../../lib/domain-error.ts";
import { requireRole, requireStaff, requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import {
  getCredit,
  getRewardPreference,
  getRewardVesting,
  setRewardPreference,
  setRewardVesting,
} from "./reward-credit.service.ts";

/** Rewards as credit: the referrer's choice with its disclosure, their balance, and vesting per visa type. */
export const rewardCreditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/users/:id/credit",
    {
      schema: {
        operationId: "getUserCredit",
        tags: ["rewards"],
        summary: "A referrer's credit balance per currency and its history (`me` allowed)",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(creditBalanceSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return {
        status: "success" as const,
        data: await getCredit(ctx, resolveUserId(actor, request.params.id)),
      };
    },
  );

  app.get(
    "/users/:id/reward-preference",
    {
      schema: {
        operationId: "getRewardPreference",
        tags: ["rewards"],
        summary: "How a referrer takes rewards (cash or credit), with the disclosure to accept for credit",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(rewardPreferenceSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      return { status: "success" as const, data: await getRewardPreference(ctx, userId) };
    },
  );

  app.put(
    "/users/:id/reward-preference",
    {
      schema: {
        operationId: "setRewardPreference",
        tags: ["rewards"],
        summary: "The referrer chooses cash or credit; credit needs the current disclosure version accepted",
        params: userIdParamsSchema,
        body: updateRewardPreferenceSchema,
        response: { 200: apiResponseSchema(rewardPreferenceSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      const userId = resolveUserId(actor, request.params.id);
      // Accepting the disclosure is the referrer's own act: staff cannot do it for them.
      if (userId !== actor.id)
        throw new DomainError("FORBIDDEN", "Only the referrer can choose how to be rewarded");
      const data = await setRewardPreference(ctx, actor, userId, request.body);
      return { status: "success" as const, data, message: "Reward preference saved" };
    },
  );

  app.get(
    "/admin/visa-types/:id/reward-vesting",
    {
      schema: {
        operationId: "getRewardVesting",
        tags: ["rewards", "admin"],
        summary: "Staff: how a visa type's referral reward vests by stage (empty: all at conversion)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(rewardVestingSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getRewardVesting(ctx, request.params.id) };
    },
  );

  app.put(
    "/admin/visa-types/:id/reward-vesting",
    {
      schema: {
        operationId: "setRewardVesting",
        tags: ["rewards", "admin"],
        summary: "Admins: the vesting parts per stage (percent, adding up to 100), audited",
        params: idParamsSchema,
        body: updateRewardVestingSchema,
        response: { 200: apiResponseSchema(rewardVestingSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      const data = await setRewardVesting(ctx, actor, request.params.id, request.body);
      return { status: "success" as const, data, message: "Vesting saved" };
    },
  );
};
