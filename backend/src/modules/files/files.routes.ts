import { uuidSchema } from "@referral-app/shared/schemas/common";
import { PROFILE_PICTURE_LIMITS } from "@referral-app/shared/schemas/user";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../../plugins/authenticate.ts";
import { openStoredFile, readStoredFile } from "./files.service.ts";

/** The stored files that profiles point at, served to their owner and staff. */
export const filesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

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
        .header("content-length", file.sizeBytes)
        .send(await openStoredFile(ctx, file));
    },
  );
};
