import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../lib/domain-error.ts";
import { contentDisposition, ObjectNotFoundError } from "./file-storage.ts";
import { verifyGrant } from "./signed-url.ts";

/**
 * The local driver's signed links: the `token` query value (signed with the auth secret, so any instance sharing
 * DATA_DIR and the secret can serve it) names the object, its download name and its expiry. No
 * session is needed; holding a live link is the permission, like an S3 presigned URL.
 */
export const storageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/storage/signed",
    {
      schema: {
        operationId: "getSignedStoredObject",
        tags: ["files"],
        summary: "A stored file through a short-lived signed link (local storage driver)",
        querystring: z.object({ token: z.string().min(1).max(4096) }),
        response: { 200: z.any().describe("The file's bytes") },
      },
    },
    async (request, reply) => {
      const grant =
        ctx.storage.driver === "local" ? verifyGrant(ctx.config.authSecret, request.query.token) : null;
      if (!grant) throw new DomainError("FORBIDDEN", "This download link is invalid or has expired");
      const info = await ctx.storage.head(grant.key);
      if (!info) throw new DomainError("NOT_FOUND", "File not found");
      try {
        const body = await ctx.storage.get(grant.key);
        return reply
          .type(grant.type)
          .header("content-length", info.size)
          .header("content-disposition", contentDisposition(grant.disp, grant.name))
          .header("cache-control", "private, no-store")
          .header("x-content-type-options", "nosniff")
          .send(body);
      } catch (error) {
        if (error instanceof ObjectNotFoundError) throw new DomainError("NOT_FOUND", "File not found");
        throw error;
      }
    },
  );
};
