import multipart from "@fastify/multipart";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import { attachmentLinkSchema, messageAttachmentSchema } from "@referral-app/shared/schemas/conversation";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { streamMultipartUpload } from "../../lib/uploaded-file.ts";
import { requireUser } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { checkCanAttach, getAttachmentLink, uploadAttachment } from "./attachments.service.ts";

/** Message attachments: upload to a conversation (then name it in a send), and signed download links. */
export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  // Scoped to this plugin: one file a request, streamed to the storage.
  await app.register(multipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 1, fields: 5 } });

  app.post(
    "/conversations/:id/attachments",
    {
      bodyLimit: ctx.config.uploadMaxBytes + 64 * 1024,
      schema: {
        operationId: "uploadMessageAttachment",
        tags: ["messages"],
        summary:
          "Upload a file (PDF or photo) to attach to my next message here; multipart/form-data, field `file`",
        description:
          "The type is told by the file's bytes and the file is scanned for malware before it is kept. " +
          "Send its id in `attachmentIds` of POST /api/conversations/{id}/messages.",
        consumes: ["multipart/form-data"],
        params: idParamsSchema,
        response: {
          201: apiResponseSchema(messageAttachmentSchema),
          ...errorResponses(400, 401, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const actor = await requireUser(request);
      const conversationId = await checkCanAttach(ctx, actor, request.params.id);
      const { result } = await streamMultipartUpload(
        request,
        ctx.config.uploadMaxBytes,
        { missing: "Attach a file", unsupported: "Send the file as multipart/form-data" },
        (file) => uploadAttachment(ctx, actor, conversationId, file),
      );
      return reply.status(201).send({ status: "success" as const, data: result });
    },
  );

  app.get(
    "/attachments/:id/link",
    {
      schema: {
        operationId: "getMessageAttachmentLink",
        tags: ["messages"],
        summary: "A signed download link to a message attachment, valid for 5 minutes (audited)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(attachmentLinkSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await getAttachmentLink(ctx, await requireUser(request), request.params.id),
    }),
  );
};
