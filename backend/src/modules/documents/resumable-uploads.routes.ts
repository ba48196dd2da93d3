import { uuidSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { requireUser } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { createResumableUploads } from "./resumable-uploads.ts";

const TUS_TYPE = "application/offset+octet-stream";
const idParams = z.object({ id: uuidSchema });
const tusHeaders = z.object({ "tus-resumable": z.literal("1.0.0").optional() }).loose();

/**
 * tus 1.0 under /api/uploads: POST creates (Upload-Length, Upload-Metadata naming caseId,
 * requirementId, applicantId?, expiresOn?, filename), HEAD answers the offset, PATCH appends, DELETE
 * abandons. Each request is the signed-in owner's; anyone else's upload answers 404.
 */
export const resumableUploadsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const tus = createResumableUploads(ctx);
  // tus reads the raw body itself: Fastify must leave it unread.
  app.addContentTypeParser(TUS_TYPE, (_request, _payload, done) => done(null));

  const hand = async (
    request: Parameters<typeof requireUser>[0],
    reply: import("fastify").FastifyReply,
    id?: string,
  ) => {
    const actor = await requireUser(request);
    if (id !== undefined && !(await tus.owns(actor, id))) throw notFound("Upload");
    if (request.method === "PATCH" && request.headers["content-type"] !== TUS_TYPE) {
      throw new DomainError("UNSUPPORTED_MEDIA_TYPE", `Send the bytes as ${TUS_TYPE}`);
    }
    reply.hijack();
    await tus.handle(actor, request.raw, reply.raw);
  };

  app.post(
    "/uploads",
    {
      schema: {
        operationId: "createUpload",
        tags: ["documents"],
        summary: "Start a resumable (tus) document upload",
        headers: tusHeaders,
        response: {
          201: z.null().describe("Location names the upload"),
          ...errorResponses(400, 401, 404, 413, 415),
        },
      },
    },
    (request, reply) => hand(request, reply),
  );

  app.head(
    "/uploads/:id",
    {
      schema: {
        operationId: "getUploadOffset",
        tags: ["documents"],
        summary: "How much of a resumable upload the server has (Upload-Offset)",
        params: idParams,
        response: { 200: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    (request, reply) => hand(request, reply, request.params.id),
  );

  app.patch(
    "/uploads/:id",
    {
      schema: {
        operationId: "appendUpload",
        tags: ["documents"],
        summary:
          "Send the next bytes of a resumable upload from Upload-Offset; the last ones file the document",
        params: idParams,
        consumes: [TUS_TYPE],
        response: { 204: z.null(), 200: z.any(), ...errorResponses(400, 401, 404, 409, 413, 415, 422) },
      },
    },
    (request, reply) => hand(request, reply, request.params.id),
  );

  app.delete(
    "/uploads/:id",
    {
      schema: {
        operationId: "deleteUpload",
        tags: ["documents"],
        summary: "Abandon a resumable upload",
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    (request, reply) => hand(request, reply, request.params.id),
  );
};
