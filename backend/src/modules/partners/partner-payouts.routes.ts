import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import { payoutBatchSchema } from "@referral-app/shared/schemas/payout";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../plugins/error-responses.ts";
import { getPayoutBatches, getPayoutStatementPdf } from "../payouts/payouts.service.ts";
import { requirePartner } from "./partner-access.ts";

/** Partners read their organisation's payout statements (paid and unpaid totals are on /commissions). */
export const partnerPayoutsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/partners/payout-statements",
    {
      schema: {
        operationId: "listPartnerPayoutStatements",
        tags: ["partners"],
        summary: "Partner: the organisation's payout statements, newest first",
        response: { 200: apiResponseSchema(z.array(payoutBatchSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      const data = await getPayoutBatches(ctx, { partnerOrganizationId: caller.organizationId });
      return { status: "success" as const, data };
    },
  );

  app.get(
    "/partners/payout-statements/:id/statement.pdf",
    {
      schema: {
        operationId: "getPartnerPayoutStatementPdf",
        tags: ["partners"],
        summary: "Partner: one payout statement as PDF (another organisation's: 404)",
        params: idParamsSchema,
        produces: ["application/pdf"],
        response: { 200: z.string().describe("application/pdf") },
      },
    },
    async (request, reply) => {
      const caller = await requirePartner(request);
      const { filename, pdf } = await getPayoutStatementPdf(ctx, request.params.id, caller.organizationId);
      return (
        reply
          .type("application/pdf")
          .header("content-disposition", `attachment; filename="${filename}"`)
          // Bytes as they are; the string schema above only documents the body.
          .send(pdf as unknown as string)
      );
    },
  );
};
