import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";
import { pingDatabase } from "../db/migrate.ts";

const healthSchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["ok", "unreachable"]).optional(),
});

// Probes for load balancers and orchestrators (docs/operations.md), outside the client API document.
export const healthPlugin = fp(async (app: FastifyInstance) => {
  app.get("/health/live", { schema: { hide: true, response: { 200: healthSchema } } }, async () => ({
    status: "ok" as const,
  }));
  app.get(
    "/health/ready",
    { schema: { hide: true, response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      try {
        await pingDatabase(app.ctx.database);
        return { status: "ok" as const, database: "ok" as const };
      } catch {
        return reply.status(503).send({ status: "unavailable" as const, database: "unreachable" as const });
      }
    },
  );
});
