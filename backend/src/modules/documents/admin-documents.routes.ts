import { apiResponseSchema, uuidSchema } from "@referral-app/shared/schemas/common";
import {
  caseDocumentSchema,
  expiringDocumentSchema,
  expiringQuerySchema,
  reviewDocumentSchema,
} from "@referral-app/shared/schemas/document";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { deleteDocument, listExpiring, reviewDocument, streamCaseZip } from "./documents.service.ts";

const idParams = z.object({ id: uuidSchema });

/** Staff: review, delete, what is expiring, a case's documents as a zip. */
export const adminDocumentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/admin/documents/:id/review",
    {
      schema: {
        operationId: "reviewDocument",
        tags: ["documents"],
        summary:
          "Accept the current version, or reject it with a reason the client reads (the client is notified)",
        params: idParams,
        body: reviewDocumentSchema,
        response: { 200: apiResponseSchema(caseDocumentSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await reviewDocument(ctx, await requireStaff(request), request.params.id, request.body),
    }),
  );

  app.delete(
    "/admin/documents/:id",
    {
      schema: {
        operationId: "deleteDocument",
        tags: ["documents"],
        summary: "Delete a document with every version and file (staff only, audited)",
        params: idParams,
        response: { 200: apiResponseSchema(z.null()), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await deleteDocument(ctx, await requireStaff(request), request.params.id);
      return { status: "success" as const, data: null, message: "Document deleted" };
    },
  );

  app.get(
    "/admin/documents/expiring",
    {
      schema: {
        operationId: "listExpiringDocuments",
        tags: ["documents"],
        summary:
          "Documents across open cases that stop meeting their rule within `withinDays` (30 by default)",
        querystring: expiringQuerySchema,
        response: {
          200: apiResponseSchema(z.array(expiringDocumentSchema)),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await listExpiring(ctx, request.query.withinDays) };
    },
  );

  app.get(
    "/admin/cases/:id/documents.zip",
    {
      schema: {
        operationId: "downloadCaseDocumentsZip",
        tags: ["documents"],
        summary: "Every document of the case (current versions) as one zip, streamed (audited)",
        params: idParams,
        response: { 200: z.any().describe("The zip"), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, archive } = await streamCaseZip(ctx, await requireStaff(request), request.params.id);
      return reply
        .type("application/zip")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(archive);
    },
  );
};
