import multipart from "@fastify/multipart";
import { apiResponseSchema, uuidSchema } from "@referral-app/shared/schemas/common";
import {
  caseChecklistSchema,
  caseDocumentSchema,
  DOCUMENT_CONTENT_TYPES,
  documentDownloadQuerySchema,
  documentLinkSchema,
  documentSharingSchema,
} from "@referral-app/shared/schemas/document";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { streamMultipartUpload } from "../../lib/uploaded-file.ts";
import { requireUser } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { adminDocumentsRoutes } from "./admin-documents.routes.ts";
import { downloadLink, getChecklist, getDocument, setSharing, uploadDocument } from "./documents.service.ts";
import { resumableUploadsRoutes } from "./resumable-uploads.routes.ts";

const idParams = z.object({ id: uuidSchema });
const idempotencyHeaders = z.looseObject({
  "idempotency-key": z.string().trim().min(1).max(255).optional(),
});

/** Case documents as clients, applicants, partners (shared ones) and staff read and upload them. */
export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(multipart);

  app.get(
    "/cases/:id/documents",
    {
      schema: {
        operationId: "getCaseDocuments",
        tags: ["documents"],
        summary: "The case's checklist: each line's state and the document on it",
        params: idParams,
        response: { 200: apiResponseSchema(caseChecklistSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await getChecklist(ctx, await requireUser(request), request.params.id),
    }),
  );

  app.post(
    "/cases/:id/documents",
    {
      schema: {
        operationId: "uploadCaseDocument",
        tags: ["documents"],
        summary:
          "Upload a document against a checklist line (multipart: the file first, then requirementId, applicantId?, expiresOn?)",
        description:
          `The type is told by the bytes (${DOCUMENT_CONTENT_TYPES.join(", ")}); UPLOAD_MAX_BYTES (25 MB) at most. ` +
          "A line that has a document gets a new version. 400 empty, 413 too large, 415 wrong type, 422 malware; " +
          "nothing is kept on an error. With an Idempotency-Key a retry of the same file answers the first " +
          "upload's document (no second version); the same key with another file is a 422.",
        consumes: ["multipart/form-data"],
        params: idParams,
        headers: idempotencyHeaders,
        response: {
          201: apiResponseSchema(caseDocumentSchema),
          ...errorResponses(400, 401, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = await requireUser(request);
      const uploaded = await uploadDocument(
        ctx,
        actor,
        request.params.id,
        async (store) => {
          const { result, fields } = await streamMultipartUpload(
            request,
            // One byte past the limit, so the service's own check (with its words) answers the 413.
            ctx.config.uploadMaxBytes + 1,
            { missing: "Attach the file", unsupported: "Send the file as multipart/form-data" },
            (file) => store(file.stream, file.fileName),
          );
          return { stored: result, fields };
        },
        request.headers["idempotency-key"],
      );
      if (uploaded.replayed) reply.header("idempotent-replayed", "true");
      return reply
        .code(201)
        .send({ status: "success" as const, data: uploaded.body, message: "Document uploaded" });
    },
  );

  app.put(
    "/cases/:id/documents/sharing",
    {
      schema: {
        operationId: "setCaseDocumentSharing",
        tags: ["documents"],
        summary:
          "The client shares the case's documents with the partner it came from (consent recorded), or stops",
        params: idParams,
        body: documentSharingSchema,
        response: { 200: apiResponseSchema(caseChecklistSchema), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await setSharing(ctx, await requireUser(request), request.params.id, request.body.shared),
    }),
  );

  app.get(
    "/documents/:id",
    {
      schema: {
        operationId: "getDocument",
        tags: ["documents"],
        summary: "A document's metadata and every version",
        params: idParams,
        response: { 200: apiResponseSchema(caseDocumentSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await getDocument(ctx, await requireUser(request), request.params.id),
    }),
  );

  app.get(
    "/documents/:id/download",
    {
      schema: {
        operationId: "downloadDocument",
        tags: ["documents"],
        summary:
          "A redirect to a short-lived signed link for one version (audited); format=json answers the link",
        params: idParams,
        querystring: documentDownloadQuerySchema,
        response: {
          200: apiResponseSchema(documentLinkSchema),
          302: z.null().describe("Redirect to the signed URL"),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { versionId, disposition, format } = request.query;
      const link = await downloadLink(ctx, await requireUser(request), request.params.id, {
        versionId,
        disposition: disposition ?? "attachment",
      });
      reply.header("cache-control", "no-store");
      if (format === "json") return { status: "success" as const, data: link };
      return reply.redirect(link.url, 302);
    },
  );

  await app.register(adminDocumentsRoutes);
  await app.register(resumableUploadsRoutes);
};
