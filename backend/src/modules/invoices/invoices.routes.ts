import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  invoicePdfLinkQuerySchema,
  invoicePdfLinkSchema,
  invoicePdfQuerySchema,
  invoiceSchema,
  invoiceSummarySchema,
  payInvoiceResultSchema,
} from "@referral-app/shared/schemas/invoice";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { adminInvoicesRoutes } from "./admin-invoices.routes.ts";
import { payInvoice } from "./invoice-payments.service.ts";
import { createInvoicePdfLink, getInvoicePdfByLink } from "./invoice-pdf-link.ts";
import { getCaseInvoices, getInvoice, getInvoicePdf } from "./invoices.service.ts";
import { stripeWebhookRoutes } from "./stripe-webhook.routes.ts";

/** Invoices as the case's people read and pay them; staff changes live in admin-invoices.routes.ts. */
export const invoicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/cases/:id/invoices",
    {
      schema: {
        operationId: "listCaseInvoices",
        tags: ["invoices"],
        summary: "A case's invoices, newest first (clients see sent ones; `overdue` is derived)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(z.array(invoiceSummarySchema)), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getCaseInvoices(ctx, actor, request.params.id) };
    },
  );

  app.get(
    "/invoices/:id",
    {
      schema: {
        operationId: "getInvoice",
        tags: ["invoices"],
        summary: "One invoice with its lines, taxes, payments and balance",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(invoiceSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await getInvoice(ctx, actor, request.params.id) };
    },
  );

  app.post(
    "/invoices/:id/pay",
    {
      schema: {
        operationId: "payInvoice",
        tags: ["invoices"],
        summary: "Pay the balance: a Stripe Checkout URL, or the manual gateway's instructions",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(payInvoiceResultSchema), ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return { status: "success" as const, data: await payInvoice(ctx, actor, request.params.id) };
    },
  );

  app.get(
    "/invoices/:id/pdf-link",
    {
      schema: {
        operationId: "getInvoicePdfLink",
        tags: ["invoices"],
        summary: "A link to the invoice's (or receipt's) PDF that opens without a session for 5 minutes",
        params: idParamsSchema,
        querystring: invoicePdfLinkQuerySchema,
        response: { 200: apiResponseSchema(invoicePdfLinkSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const actor = await requireUser(request);
      return {
        status: "success" as const,
        data: await createInvoicePdfLink(ctx, actor, request.params.id, request.query.kind),
      };
    },
  );

  for (const kind of ["invoice", "receipt"] as const) {
    app.get(
      kind === "invoice" ? "/invoices/:id/pdf" : "/invoices/:id/receipt.pdf",
      {
        schema: {
          operationId: kind === "invoice" ? "getInvoicePdf" : "getInvoiceReceiptPdf",
          tags: ["invoices"],
          summary:
            kind === "invoice"
              ? "The invoice as PDF (letterhead, lines, taxes, payments, balance)"
              : "The receipt as PDF, once something was paid",
          description:
            "With `?token=` from `GET /api/invoices/:id/pdf-link` no session is needed; a wrong, altered or " +
            "expired token is a 403. Each download is audited (`invoice.pdf_downloaded`), a link's as its asker's.",
          params: idParamsSchema,
          querystring: invoicePdfQuerySchema,
          produces: ["application/pdf"],
          // The 4XX family in the error shape is added for it (a PDF route's errors are still JSON).
          response: { 200: z.string().describe("application/pdf") },
        },
      },
      async (request, reply) => {
        const { token } = request.query;
        const { filename, pdf } = token
          ? await getInvoicePdfByLink(ctx, request.params.id, kind, token)
          : await getInvoicePdf(ctx, await requireUser(request), request.params.id, kind);
        return (
          reply
            .type("application/pdf")
            .header("content-disposition", `attachment; filename="${filename}"`)
            .header("cache-control", "private, no-store")
            // Bytes as they are; the string schema above only documents the body.
            .send(pdf as unknown as string)
        );
      },
    );
  }

  await app.register(adminInvoicesRoutes);
  await app.register(stripeWebhookRoutes);
};
