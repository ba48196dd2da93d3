import { devMailSchema } from "@referral-app/shared/schemas/admin";
import {
  apiResponseSchema,
  idParamsSchema,
  paginatedResponseSchema,
  paginationQuerySchema,
} from "@referral-app/shared/schemas/common";
import {
  markAllReadResultSchema,
  notificationListQuerySchema,
  notificationSchema,
  registerPushTokenSchema,
  unreadCountSchema,
} from "@referral-app/shared/schemas/notification";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { pageResponse } from "../../lib/envelope.ts";
import { requireStaff, requireUser } from "../../plugins/authenticate.ts";
import { broadcastsRoutes } from "./broadcasts.routes.ts";
import {
  getDevMailbox,
  getNotifications,
  getUnreadCount,
  readAllNotifications,
  readNotification,
  registerPushToken,
  removePushToken,
} from "./notifications.service.ts";
import { openNotificationStream, StreamRegistry, streamSession } from "./notifications.stream.ts";

const pushTokenParamsSchema = z.object({ token: z.string().min(1).max(255) });
const streamQuerySchema = z.object({
  token: z.string().min(1).max(512).optional().describe("Bearer token, for EventSource clients"),
});
const mailboxQuerySchema = paginationQuerySchema.extend({ to: z.string().trim().max(320).optional() });

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(broadcastsRoutes);
  const { ctx } = app;
  const streams = new StreamRegistry(ctx.config.streams);
  // Open streams never finish by themselves: end them so shutdown does not wait on clients.
  app.addHook("preClose", async () => streams.closeAll());

  app.get(
    "/notifications",
    {
      schema: {
        operationId: "listNotifications",
        tags: ["notifications"],
        summary: "The caller's notifications, newest first (`unread=true` for unread only)",
        querystring: notificationListQuerySchema,
        response: { 200: paginatedResponseSchema(notificationSchema) },
      },
    },
    async (request) =>
      pageResponse(
        await getNotifications(ctx, (await requireUser(request)).id, request.query),
        request.query,
      ),
  );

  app.get(
    "/notifications/unread-count",
    {
      schema: {
        operationId: "getUnreadCount",
        tags: ["notifications"],
        summary: "How many of the caller's notifications are unread",
        response: { 200: apiResponseSchema(unreadCountSchema) },
      },
    },
    async (request) => {
      const count = await getUnreadCount(ctx, (await requireUser(request)).id);
      return { status: "success" as const, data: { count } };
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      schema: {
        operationId: "markNotificationRead",
        tags: ["notifications"],
        summary: "Mark one of the caller's notifications read (idempotent)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(notificationSchema) },
      },
    },
    async (request) => {
      const data = await readNotification(ctx, (await requireUser(request)).id, request.params.id);
      return { status: "success" as const, data };
    },
  );

  app.post(
    "/notifications/read-all",
    {
      schema: {
        operationId: "markAllNotificationsRead",
        tags: ["notifications"],
        summary: "Mark all of the caller's notifications read",
        response: { 200: apiResponseSchema(markAllReadResultSchema) },
      },
    },
    async (request) => {
      const data = await readAllNotifications(ctx, (await requireUser(request)).id);
      return { status: "success" as const, data };
    },
  );

  app.get(
    "/notifications/stream",
    {
      schema: {
        operationId: "streamNotifications",
        tags: ["notifications"],
        summary:
          "Server-sent events: `unread-count` on connect, `notification` for each new one, `: ping` every 25 s",
        querystring: streamQuerySchema,
        produces: ["text/event-stream"],
      },
    },
    async (request, reply) => {
      const session = await streamSession(request, request.query.token);
      await openNotificationStream(ctx, streams, request, reply, session);
      return reply;
    },
  );

  app.post(
    "/notifications/push-tokens",
    {
      schema: {
        operationId: "registerPushToken",
        tags: ["notifications"],
        summary: "Register this device's Expo push token for the caller",
        body: registerPushTokenSchema,
        response: { 200: apiResponseSchema(registerPushTokenSchema) },
      },
    },
    async (request) => {
      await registerPushToken(ctx, (await requireUser(request)).id, request.body);
      return { status: "success" as const, data: request.body, message: "Device registered" };
    },
  );

  app.delete(
    "/notifications/push-tokens/:token",
    {
      schema: {
        operationId: "deletePushToken",
        tags: ["notifications"],
        summary: "Forget one of the caller's devices (idempotent: `removed` says whether it was there)",
        params: pushTokenParamsSchema,
        response: { 200: apiResponseSchema(z.object({ removed: z.boolean() })) },
      },
    },
    async (request) => {
      const removed = await removePushToken(ctx, (await requireUser(request)).id, request.params.token);
      return { status: "success" as const, data: { removed } };
    },
  );

  // Production sends real mail (config requires SMTP_URL): the dev mailbox does not exist there.
  if (ctx.config.env !== "production")
    app.get(
      "/admin/mailbox",
      {
        schema: {
          operationId: "listMailboxMessages",
          tags: ["admin"],
          summary:
            "Staff, development only: mail kept in the dev mailbox (no SMTP_URL), newest first; reset and verification tokens hidden from all but admins; every read is audited",
          querystring: mailboxQuerySchema,
          response: { 200: paginatedResponseSchema(devMailSchema) },
        },
      },
      async (request) => {
        const actor = await requireStaff(request);
        return pageResponse(await getDevMailbox(ctx, actor, request.query), request.query);
      },
    );
};
