import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import {
  broadcastAudienceCountSchema,
  broadcastAudienceSchema,
  broadcastListQuerySchema,
  broadcastSchema,
  createBroadcastSchema,
} from "@referral-app/shared/schemas/broadcasts";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import {
  countBroadcastAudience,
  createBroadcast,
  getBroadcast,
  searchBroadcasts,
} from "./broadcasts.service.ts";

/** Staff: broadcasts to an audience, fanned out through the queue. */
export const broadcastsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.post(
    "/admin/broadcasts",
    {
      schema: {
        operationId: "createBroadcast",
        tags: ["admin"],
        summary: "Staff: send a system or promotional notification to an audience, through the queue",
        body: createBroadcastSchema,
        response: { 201: apiResponseSchema(broadcastSchema) },
      },
    },
    async (request, reply) => {
      const actor = await requireStaff(request);
      const data = await createBroadcast(ctx, actor, request.body);
      return reply.status(201).send({ status: "success" as const, data, message: "Broadcast queued" });
    },
  );

  app.post(
    "/admin/broadcasts/audience-count",
    {
      schema: {
        operationId: "countBroadcastAudience",
        tags: ["admin"],
        summary:
          "Staff: how many users a broadcast to this audience would reach now (the preview before sending)",
        body: broadcastAudienceSchema,
        response: { 200: apiResponseSchema(broadcastAudienceCountSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await countBroadcastAudience(ctx, request.body) };
    },
  );

  app.get(
    "/admin/broadcasts",
    {
      schema: {
        operationId: "listBroadcasts",
        tags: ["admin"],
        summary: "Staff: broadcasts, newest first, with delivery counts per channel and status",
        querystring: broadcastListQuerySchema,
        response: { 200: cursorPageSchema(broadcastSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      const page = await searchBroadcasts(ctx, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/admin/broadcasts/:id",
    {
      schema: {
        operationId: "getBroadcast",
        tags: ["admin"],
        summary: "Staff: one broadcast with delivery counts per channel and status",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(broadcastSchema) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getBroadcast(ctx, request.params.id) };
    },
  );
};
