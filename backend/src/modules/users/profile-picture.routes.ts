import multipart from "@fastify/multipart";
import { apiResponseSchema, userIdParamsSchema } from "@referral-app/shared/schemas/common";
import { PROFILE_PICTURE_LIMITS, userProfileSchema } from "@referral-app/shared/schemas/user";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { readUploadedFile } from "../../lib/uploaded-file.ts";
import { requireUser, resolveUserId } from "../../plugins/authenticate.ts";
import { PICTURE_TOO_LARGE, removeProfilePicture, setProfilePicture } from "./profile-picture.service.ts";
import { getProfile } from "./users.service.ts";

const { maxBytes } = PROFILE_PICTURE_LIMITS;
// Room for the multipart boundaries and headers around the picture itself.
const BODY_LIMIT = maxBytes + 64 * 1024;

/** Profile pictures: upload (multipart or a raw image body) and remove. */
export const profilePictureRoutes: FastifyPluginAsyncZod = async (app) => {
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
};
