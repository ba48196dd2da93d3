import multipart from "@fastify/multipart";
import { apiResponseSchema, userIdParamsSchema, uuidSchema } from "@referral-app/shared/schemas/common";
import { PROFILE_PICTURE_LIMITS, userProfileSchema } from "@referral-app/shared/schemas/user";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { readUploadedFile } from "../../lib/uploaded-file.ts";
import { requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { getProfile } from "../users/users.service.ts";
import {
  PICTURE_TOO_LARGE,
  readStoredFile,
  removeProfilePicture,
  setProfilePicture,
} from "./profile-picture.service.ts";

const { maxBytes } = PROFILE_PICTURE_LIMITS;
// Room for the multipart boundaries and headers around the picture itself.
const BODY_LIMIT = maxBytes + 64 * 1024;

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
        operationId: "uploadProfilePicture",
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
      const { content } = await readUploadedFile(request, maxBytes, {
        missing: "Attach an image",
        unsupported: "Send the picture as multipart/form-data or as an image body",
        tooLarge: PICTURE_TOO_LARGE,
      });
      await setProfilePicture(ctx, userId, content);
      return { status: "success" as const, data: await getProfile(ctx, userId), message: "Picture updated" };
    },
  );

  app.delete(
    "/users/:id/profile-picture",
    {
      schema: {
        operationId: "deleteProfilePicture",
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
        operationId: "getFile",
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
