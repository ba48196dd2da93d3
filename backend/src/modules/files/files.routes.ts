import multipart from "@fastify/multipart";
import { apiResponseSchema, userIdParamsSchema, uuidSchema } from "@referral-app/shared/schemas/common";
import { PROFILE_PICTURE_LIMITS, userProfileSchema } from "@referral-app/shared/schemas/user";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../lib/domain-error.ts";
import { requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { getProfile } from "../users/users.service.ts";
import { readStoredFile, removeProfilePicture, setProfilePicture } from "./profile-picture.service.ts";

const { maxBytes } = PROFILE_PICTURE_LIMITS;
// Room for the multipart boundaries and headers around the picture itself.
const BODY_LIMIT = maxBytes + 64 * 1024;

const tooLarge = () =>
  new DomainError("PAYLOAD_TOO_LARGE", "The picture is larger than 2 MB", {
    fields: { file: ["The picture is larger than 2 MB"] },
  });

/** The uploaded picture: the first file of a multipart form, or a raw image body. */
async function readUpload(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: maxBytes } });
    if (!part) {
      throw new DomainError("VALIDATION_ERROR", "Attach an image", { fields: { file: ["Required"] } });
    }
    try {
      return await part.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
      throw error;
    }
  }
  if (Buffer.isBuffer(request.body)) return request.body;
  throw new DomainError(
    "UNSUPPORTED_MEDIA_TYPE",
    "Send the picture as multipart/form-data or as an image body",
  );
}

/** Profile pictures (upload, remove) and the stored files they point at. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0 } });
  app.addContentTypeParser(
    [...PROFILE_PICTURE_LIMITS.contentTypes],
    { parseAs: "buffer", bodyLimit: BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.put(
    "/users/:id/profile-picture",
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ["users"],
        summary:
          "Upload a profile picture (PNG, JPEG or WebP up to 2 MB; multipart/form-data or a raw image body)",
        description:
          "Replaces the previous picture. The type is told by the file's bytes; the profile's profilePicture " +
          "becomes /api/files/{fileId}, readable by the user and staff.",
        consumes: ["multipart/form-data", ...PROFILE_PICTURE_LIMITS.contentTypes],
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(userProfileSchema) },
      },
    },
    async (request) => {
      const userId = resolveUserId(await requireUser(request), request.params.id);
      await setProfilePicture(ctx, userId, await readUpload(request));
      return { status: "success" as const, data: await getProfile(ctx, userId), message: "Picture updated" };
    },
  );

  app.delete(
    "/users/:id/profile-picture",
    {
      schema: {
        tags: ["users"],
        summary: "Remove the profile picture",
        params: userIdParamsSchema,
        response: { 200: apiResponseSchema(userProfileSchema) },
      },
    },
    async (request) => {
      const userId = resolveUserId(await requireUser(request), request.params.id);
      await removeProfilePicture(ctx, userId);
      return { status: "success" as const, data: await getProfile(ctx, userId), message: "Picture removed" };
    },
  );

  app.get(
    "/files/:id",
    {
      schema: {
        tags: ["users"],
        summary: "A stored file (a profile picture): its owner and staff only",
        params: z.object({ id: uuidSchema }),
        produces: [...PROFILE_PICTURE_LIMITS.contentTypes],
        response: { 200: z.any().describe("The file's bytes") },
      },
    },
    async (request, reply) => {
      const file = await readStoredFile(ctx, await requireUser(request), request.params.id);
      // A new upload gets a new id, so a copy never goes stale; `private` keeps shared caches out.
      return reply
        .type(file.contentType)
        .header("cache-control", "private, max-age=31536000, immutable")
        .header("content-disposition", "inline")
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  );
};
