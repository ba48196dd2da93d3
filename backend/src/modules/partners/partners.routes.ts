import multipart from "@fastify/multipart";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  invitePartnerMemberSchema,
  PARTNER_IMPORT_LIMITS,
  partnerCommissionListQuerySchema,
  partnerCommissionsSchema,
  partnerImportResultSchema,
  partnerImportSummarySchema,
  partnerMemberSchema,
  partnerOverviewSchema,
  partnerReferralListQuerySchema,
  partnerReferralPageSchema,
} from "@referral-app/shared/schemas/partners";
import { referralDetailSchema } from "@referral-app/shared/schemas/referral";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageResponse } from "../../lib/envelope.ts";
import { getImport, importErrorsCsv, importReferralsCsv, recentImports } from "./import.service.ts";
import { readImportFile } from "./import-upload.ts";
import { partnerOrganizationsRoutes } from "./organizations.routes.ts";
import { inviteMember, organizationMembers } from "./organizations.service.ts";
import { requirePartner } from "./partner-access.ts";
import { partnerPayoutsRoutes } from "./partner-payouts.routes.ts";
import {
  getPartnerCommissions,
  getPartnerOverview,
  getPartnerReferral,
  listPartnerReferrals,
} from "./partners.service.ts";

/** The partner portal's API under /api/partners (always scoped to the caller's organisation) + staff routes. */
export const partnersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(partnerOrganizationsRoutes);
  await app.register(partnerPayoutsRoutes);
  // Scoped to this plugin: CSV uploads as a raw text/csv body or a multipart form with one file.
  await app.register(multipart, {
    limits: { fileSize: PARTNER_IMPORT_LIMITS.maxBytes, files: 1, fields: 5 },
  });
  app.addContentTypeParser(
    ["text/csv", "application/csv"],
    { parseAs: "buffer", bodyLimit: PARTNER_IMPORT_LIMITS.maxBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    "/partners/me",
    {
      schema: {
        operationId: "getPartnerOverview",
        tags: ["partners"],
        summary: "Partner: the caller's organisation, commission configuration and totals",
        response: { 200: apiResponseSchema(partnerOverviewSchema) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await getPartnerOverview(ctx, caller) };
    },
  );

  app.get(
    "/partners/referrals",
    {
      schema: {
        operationId: "listPartnerReferrals",
        tags: ["partners"],
        summary: "Partner: the organisation's referrals, newest first (cursor, or `page` for numbered pages)",
        querystring: partnerReferralListQuerySchema,
        response: { 200: partnerReferralPageSchema },
      },
    },
    async (request) => {
      const { query } = request;
      const { items, nextCursor, total } = await listPartnerReferrals(
        ctx,
        await requirePartner(request),
        query,
      );
      if (query.page === undefined || total === undefined) {
        return { status: "success" as const, data: items, nextCursor };
      }
      return {
        ...pageResponse({ items, total }, { page: query.page, limit: query.limit }),
        nextCursor: null,
      };
    },
  );

  app.get(
    "/partners/referrals/:id",
    {
      schema: {
        operationId: "getPartnerReferral",
        tags: ["partners"],
        summary:
          "Partner: one of the organisation's referrals with its history (another organisation's: 404)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(referralDetailSchema) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await getPartnerReferral(ctx, caller, request.params.id) };
    },
  );

  app.post(
    "/partners/referrals/import",
    {
      bodyLimit: PARTNER_IMPORT_LIMITS.maxBytes,
      schema: {
        operationId: "importPartnerReferrals",
        tags: ["partners"],
        summary: "Partner: import referrals from CSV (text/csv body, or multipart/form-data with one file)",
        description:
          "Columns fullName, email, phone, country, visaInterest, relationship, notes (header names case-insensitive; " +
          "'Full Name' works). Valid rows are imported in one transaction; invalid and duplicate rows are reported " +
          "by row number (header = row 1). The same file uploaded again answers the first result with duplicateFile: true.",
        consumes: ["text/csv", "multipart/form-data"],
        querystring: z.object({ fileName: z.string().trim().max(200).optional() }),
        response: {
          200: apiResponseSchema(partnerImportResultSchema),
          201: apiResponseSchema(partnerImportResultSchema),
        },
      },
    },
    async (request, reply) => {
      const caller = await requirePartner(request);
      const file = await readImportFile(request, request.query.fileName);
      const data = await importReferralsCsv(ctx, caller, file);
      const message = data.duplicateFile
        ? "This file was already imported"
        : `${data.imported} imported, ${data.failed} failed`;
      return reply.status(data.duplicateFile ? 200 : 201).send({ status: "success" as const, data, message });
    },
  );

  app.get(
    "/partners/imports",
    {
      schema: {
        operationId: "listPartnerImports",
        tags: ["partners"],
        summary: "Partner: the organisation's 50 latest imports",
        response: { 200: apiResponseSchema(z.array(partnerImportSummarySchema)) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await recentImports(ctx, caller) };
    },
  );

  app.get(
    "/partners/imports/:id",
    {
      schema: {
        operationId: "getPartnerImport",
        tags: ["partners"],
        summary: "Partner: one import's result with its row errors",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(partnerImportResultSchema) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await getImport(ctx, caller, request.params.id) };
    },
  );

  app.get(
    "/partners/imports/:id/errors.csv",
    {
      schema: {
        operationId: "exportPartnerImportErrorsCsv",
        tags: ["partners"],
        summary: "Partner: an import's error report as CSV (row, code, field, message)",
        params: idParamsSchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv") },
      },
    },
    async (request, reply) => {
      const caller = await requirePartner(request);
      const csv = await importErrorsCsv(ctx, caller, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(csv);
    },
  );

  app.get(
    "/partners/commissions",
    {
      schema: {
        operationId: "listPartnerCommissions",
        tags: ["partners"],
        summary: "Partner: commission per converted referral, with totals per currency and status",
        querystring: partnerCommissionListQuerySchema,
        response: { 200: apiResponseSchema(partnerCommissionsSchema) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await getPartnerCommissions(ctx, caller, request.query) };
    },
  );

  app.get(
    "/partners/members",
    {
      schema: {
        operationId: "listPartnerMembers",
        tags: ["partners"],
        summary: "Partner: the organisation's members",
        response: { 200: apiResponseSchema(z.array(partnerMemberSchema)) },
      },
    },
    async (request) => {
      const caller = await requirePartner(request);
      return { status: "success" as const, data: await organizationMembers(ctx, caller.organizationId) };
    },
  );

  app.post(
    "/partners/members/invite",
    {
      schema: {
        operationId: "invitePartnerMember",
        tags: ["partners"],
        summary:
          "Partner: invite a colleague by email (a partner account in the organisation, set-password link)",
        body: invitePartnerMemberSchema,
        response: {
          201: apiResponseSchema(partnerMemberSchema),
          200: apiResponseSchema(partnerMemberSchema),
        },
      },
    },
    async (request, reply) => {
      const caller = await requirePartner(request);
      const { member, created } = await inviteMember(
        ctx,
        app.auth,
        caller.user,
        caller.organizationId,
        request.body,
      );
      return reply.status(created ? 201 : 200).send({
        status: "success" as const,
        data: member,
        message: created ? "Invitation sent" : "Invitation resent",
      });
    },
  );
};
