import { Readable } from "node:stream";
import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  adminInvoiceExportQuerySchema,
  adminInvoiceListQuerySchema,
  createInvoiceSchema,
  createInvoiceTemplateSchema,
  invoiceSchema,
  invoiceSummarySchema,
  invoiceTemplateListQuerySchema,
  invoiceTemplateSchema,
  recordPaymentSchema,
  refundInvoiceSchema,
  revenueAnalyticsQuerySchema,
  revenueAnalyticsSchema,
  updateInvoiceSchema,
  voidInvoiceSchema,
} from "@referral-app/shared/schemas/invoice";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { exportInvoicesCsv } from "./invoice-export.ts";
import { recordPayment, refundInvoice } from "./invoice-payments.service.ts";
import {
  createInvoice,
  createTemplate,
  getTemplates,
  searchInvoices,
  sendInvoice,
  updateInvoice,
  voidInvoice,
} from "./invoices.service.ts";
import { getRevenueAnalytics } from "./revenue.service.ts";

const changeErrors = errorResponses(400, 401, 403, 404, 409);
const idempotencyHeadersSchema = z.looseObject({
  "idempotency-key": z.string().trim().min(1).max(255).optional(),
});
const ok = <T>(data: T, message?: string) => ({
  status: "success" as const,
  data,
  ...(message ? { message } : {}),
});

/** Staff bill cases: create, change drafts, send, record payments, void and refund. */
export const adminInvoicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/invoices",
    {
      schema: {
        operationId: "listAdminInvoices",
        tags: ["invoices", "admin"],
        summary: "Staff: invoices by state, overdue and issue dates, newest first, cursor pages",
        querystring: adminInvoiceListQuerySchema,
        response: { 200: cursorPageSchema(invoiceSummarySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await searchInvoices(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/admin/invoices/export.csv",
    {
      schema: {
        operationId: "exportInvoicesCsv",
        tags: ["invoices", "admin"],
        summary: "Staff: CSV of every invoice matching the list's filters (amounts in major units)",
        querystring: adminInvoiceExportQuerySchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv, one header row then one row per invoice") },
      },
    },
    async (request, reply) => {
      await requireStaff(request);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="invoices-${day}.csv"`)
        .header("cache-control", "no-store")
        .send(Readable.from(exportInvoicesCsv(ctx, request.query)) as unknown as string);
    },
  );

  app.post(
    "/admin/invoices",
    {
      schema: {
        operationId: "createInvoice",
        tags: ["invoices", "admin"],
        summary: "Staff: a draft invoice on a case, from a visa-type template and/or lines",
        body: createInvoiceSchema,
        response: { 201: apiResponseSchema(invoiceSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const data = await createInvoice(ctx, await requireStaff(request), request.body);
      return reply.status(201).send(ok(data, "Draft invoice created"));
    },
  );

  app.patch(
    "/admin/invoices/:id",
    {
      schema: {
        operationId: "updateInvoice",
        tags: ["invoices", "admin"],
        summary: "Staff: change a draft (lines replace the draft's lines); 409 once sent",
        params: idParamsSchema,
        body: updateInvoiceSchema,
        response: { 200: apiResponseSchema(invoiceSchema), ...changeErrors },
      },
    },
    async (request) =>
      ok(
        await updateInvoice(ctx, await requireStaff(request), request.params.id, request.body),
        "Draft saved",
      ),
  );

  app.post(
    "/admin/invoices/:id/send",
    {
      schema: {
        operationId: "sendInvoice",
        tags: ["invoices", "admin"],
        summary: "Staff: issue a draft (number, referral credit, e-mail with a link and a notification)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(invoiceSchema), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const data = await sendInvoice(ctx, await requireStaff(request), request.params.id);
      return ok(data, `Invoice ${data.number} sent`);
    },
  );

  app.post(
    "/admin/invoices/:id/payments",
    {
      schema: {
        operationId: "recordInvoicePayment",
        tags: ["invoices", "admin"],
        summary: "Staff: record money received (never over the balance: 409); honours Idempotency-Key",
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: recordPaymentSchema,
        response: { 201: apiResponseSchema(invoiceSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(request);
      const result = await recordPayment(
        ctx,
        actor,
        request.params.id,
        request.body,
        request.headers["idempotency-key"],
      );
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(result.statusCode as 201).send(ok(result.body, "Payment recorded"));
    },
  );

  app.post(
    "/admin/invoices/:id/void",
    {
      schema: {
        operationId: "voidInvoice",
        tags: ["invoices", "admin"],
        summary: "Staff: cancel an invoice holding no money; its referral credit goes back",
        description:
          "Allowed while nothing is paid, or once everything paid was refunded (409 otherwise). Referral " +
          "credit taken off the invoice becomes available again. Voiding a void invoice changes nothing " +
          "and answers it, so a retry is safe.",
        params: idParamsSchema,
        body: voidInvoiceSchema,
        response: { 200: apiResponseSchema(invoiceSchema), ...changeErrors },
      },
    },
    async (request) =>
      ok(
        await voidInvoice(ctx, await requireStaff(request), request.params.id, request.body),
        "Invoice voided",
      ),
  );

  app.post(
    "/admin/invoices/:id/refund",
    {
      schema: {
        operationId: "refundInvoice",
        tags: ["invoices", "admin"],
        summary: "Admins: give money back (card payments through the gateway's refund API)",
        params: idParamsSchema,
        body: refundInvoiceSchema,
        response: { 200: apiResponseSchema(invoiceSchema), ...changeErrors },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      return ok(await refundInvoice(ctx, actor, request.params.id, request.body), "Refund recorded");
    },
  );

  app.get(
    "/admin/analytics/revenue",
    {
      schema: {
        operationId: "getRevenueAnalytics",
        tags: ["invoices", "analytics", "admin"],
        summary: "Staff: revenue by month, the outstanding balance, and referral ROI per channel",
        querystring: revenueAnalyticsQuerySchema,
        response: { 200: apiResponseSchema(revenueAnalyticsSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return ok(await getRevenueAnalytics(ctx, request.query));
    },
  );

  app.get(
    "/admin/invoice-templates",
    {
      schema: {
        operationId: "listInvoiceTemplates",
        tags: ["invoices", "admin"],
        summary: "Staff: invoice templates, per visa type",
        querystring: invoiceTemplateListQuerySchema,
        response: {
          200: apiResponseSchema(z.array(invoiceTemplateSchema)),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      await requireStaff(request);
      return ok(await getTemplates(ctx, request.query.visaTypeId));
    },
  );

  app.post(
    "/admin/invoice-templates",
    {
      schema: {
        operationId: "createInvoiceTemplate",
        tags: ["invoices", "admin"],
        summary: "Admins: an invoice template for a visa type",
        body: createInvoiceTemplateSchema,
        response: { 201: apiResponseSchema(invoiceTemplateSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const data = await createTemplate(ctx, await requireRole(request, ["admin"]), request.body);
      return reply.status(201).send(ok(data, "Template saved"));
    },
  );
};
