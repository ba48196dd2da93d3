import {
  adminReferralListQuerySchema,
  adminReferralSchema,
  cursorPageSchema,
} from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import { referralDetailSchema, updateReferralStatusSchema } from "@referral-app/shared/schemas/referral";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { changeReferralStatus } from "./referral-status.service.ts";
import { listAllReferrals } from "./referrals.service.ts";

/** Staff: the whole referral pipeline. */
export const adminReferralsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/referrals",
    {
      schema: {
        operationId: "searchReferrals",
        tags: ["admin"],
        summary: "Staff: search and filter all referrals (cursor pages)",
        querystring: adminReferralListQuerySchema,
        response: { 200: cursorPageSchema(adminReferralSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await listAllReferrals(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.patch(
    "/admin/referrals/:id/status",
    {
      schema: {
        operationId: "updateReferralStatus",
        tags: ["admin"],
        summary: "Staff: move a referral along pending → contacted → qualified → converted (or rejected)",
        params: idParamsSchema,
        body: updateReferralStatusSchema,
        response: { 200: apiResponseSchema(referralDetailSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await changeReferralStatus(ctx, actor, request.params.id, request.body);
      return { status: "success" as const, data, message: "Referral status updated" };
    },
  );
};
