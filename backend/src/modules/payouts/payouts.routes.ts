import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  createPayoutBatchesSchema,
  markPayoutPaidSchema,
  payoutBatchDetailSchema,
  payoutBatchListQuerySchema,
  payoutBatchSchema,
} from "@referral-app/shared/schemas/payout";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import {
  createPayoutBatches,
  getPayoutBatch,
  getPayoutBatches,
  getPayoutCsv,
  getPayoutStatementPdf,
  markPayoutPaid,
} from "./payouts.service.ts";

/** Admins pay partner organisations their approved commissions in batches. */
export const payoutsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/admin/payout-batches",
    {
      schema: {
        operationId: "createPayoutBatches",
        tags: ["payouts", "admin"],
        summary:
          "Admins: batch every organisation's approved commissions past the hold period and over the minimum",
        body: createPayoutBatchesSchema,
        response: { 201: apiResponseSchema(z.array(payoutBatchSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const data = await createPayoutBatches(ctx, await requireRole(request, ["admin"]), request.body);
      return reply
        .status(201)
        .send({ status: "success" as const, data, message: `${data.length} batches created` });
    },
  );

  app.get(
    "/admin/payout-batches",
    {
      schema: {
        operationId: "listPayoutBatches",
        tags: ["payouts", "admin"],
        summary: "Staff: payout batches, newest first",
        querystring: payoutBatchListQuerySchema,
        response: { 200: apiResponseSchema(z.array(payoutBatchSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getPayoutBatches(ctx, request.query) };
    },
  );

  app.get(
    "/admin/payout-batches/:id",
    {
      schema: {
        operationId: "getPayoutBatch",
        tags: ["payouts", "admin"],
        summary: "Staff: one payout batch with its commissions",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(payoutBatchDetailSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getPayoutBatch(ctx, request.params.id) };
    },
  );

  app.get(
    "/admin/payout-batches/:id/statement.pdf",
    {
      schema: {
        operationId: "getPayoutStatementPdf",
        tags: ["payouts", "admin"],
        summary: "Staff: the batch's statement as PDF",
        params: idParamsSchema,
        produces: ["application/pdf"],
        response: { 200: z.string().describe("application/pdf") },
      },
    },
    async (request, reply) => {
      await requireStaff(request);
      const { filename, pdf } = await getPayoutStatementPdf(ctx, request.params.id);
      return (
        reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${filename}"`)
          // Bytes as they are; the string schema above only documents the body.
          .send(pdf as unknown as string)
      );
    },
  );

  app.get(
    "/admin/payout-batches/:id.csv",
    {
      schema: {
        operationId: "getPayoutBatchCsv",
        tags: ["payouts", "admin"],
        summary: "Staff: the batch as a bank bulk-upload CSV (payee, amount, currency, reference)",
        params: idParamsSchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv") },
      },
    },
    async (request, reply) => {
      await requireStaff(request);
      const { filename, csv } = await getPayoutCsv(ctx, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(csv);
    },
  );

  app.post(
    "/admin/payout-batches/:id/mark-paid",
    {
      schema: {
        operationId: "markPayoutBatchPaid",
        tags: ["payouts", "admin"],
        summary: "Admins: the transfer went out; the batch and its commissions are paid (with the reference)",
        params: idParamsSchema,
        body: markPayoutPaidSchema,
        response: {
          200: apiResponseSchema(payoutBatchDetailSchema),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      const data = await markPayoutPaid(ctx, actor, request.params.id, request.body);
      return { status: "success" as const, data, message: `Batch ${data.number} marked paid` };
    },
  );
};
