import { Readable } from "node:stream";
import {
  adminReferralExportQuerySchema,
  bulkReferralStatusResultSchema,
  bulkReferralStatusSchema,
} from "@referral-app/shared/schemas/admin";
import { apiResponseSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { bulkChangeReferralStatus, exportReferralsCsv } from "./referral-bulk.service.ts";

export const referralBulkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/admin/referrals/bulk-status",
    {
      schema: {
        operationId: "bulkUpdateReferralStatus",
        tags: ["admin"],
        summary: "Staff: move up to 500 referrals to a status; each moves only if its transition is allowed",
        body: bulkReferralStatusSchema,
        response: { 200: apiResponseSchema(bulkReferralStatusResultSchema) },
      },
    },
    async (request) => {
      const actor = await requireStaff(request);
      const data = await bulkChangeReferralStatus(ctx, actor, request.body);
      return {
        status: "success" as const,
        data,
        message: `${data.updated} updated, ${data.skipped} skipped`,
      };
    },
  );

  app.get(
    "/admin/referrals/export.csv",
    {
      schema: {
        operationId: "exportReferralsCsv",
        tags: ["admin"],
        summary: "Staff: CSV of every referral matching the list's filters (streamed)",
        querystring: adminReferralExportQuerySchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv, one header row then one row per referral") },
      },
    },
    async (request, reply) => {
      await requireStaff(request);
      const day = new Date().toISOString().slice(0, 10);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="referrals-${day}.csv"`)
          .header("cache-control", "no-store")
          // Fastify pipes streams as they are; the string schema above only documents the body.
          .send(Readable.from(exportReferralsCsv(ctx, request.query)) as unknown as string)
      );
    },
  );
};
