import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  adminUpdateConversationSchema,
  createSavedReplySchema,
  inboxItemSchema,
  inboxQuerySchema,
  savedReplySchema,
  updateSavedReplySchema,
} from "@referral-app/shared/schemas/conversation";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireRole, requireStaff } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import {
  createSavedReply,
  deleteSavedReply,
  getInbox,
  getSavedReplies,
  updateSavedReply,
  updateSupportConversation,
} from "./inbox.service.ts";

/** The shared staff inbox of support conversations, and the saved replies admins keep. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    "/admin/inbox",
    {
      schema: {
        operationId: "listInbox",
        tags: ["messages", "admin"],
        summary: "Staff: support conversations by last activity (filters: state, assignee, overdue)",
        querystring: inboxQuerySchema,
        response: { 200: cursorPageSchema(inboxItemSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await getInbox(ctx, await requireStaff(request), request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.patch(
    "/admin/conversations/:id",
    {
      schema: {
        operationId: "updateSupportConversation",
        tags: ["messages", "admin"],
        summary: "Staff: take or assign a support conversation, or change its state (audited)",
        params: idParamsSchema,
        body: adminUpdateConversationSchema,
        response: { 200: apiResponseSchema(inboxItemSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      status: "success" as const,
      data: await updateSupportConversation(
        ctx,
        await requireStaff(request),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.get(
    "/admin/saved-replies",
    {
      schema: {
        operationId: "listSavedReplies",
        tags: ["messages", "admin"],
        summary: "Staff: the saved replies, by title",
        response: { 200: apiResponseSchema(z.array(savedReplySchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      await requireStaff(request);
      return { status: "success" as const, data: await getSavedReplies(ctx) };
    },
  );

  app.post(
    "/admin/saved-replies",
    {
      schema: {
        operationId: "createSavedReply",
        tags: ["messages", "admin"],
        summary: "Admins: keep a reply staff can use",
        body: createSavedReplySchema,
        response: { 201: apiResponseSchema(savedReplySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = await requireRole(request, ["admin"]);
      return reply
        .status(201)
        .send({ status: "success" as const, data: await createSavedReply(ctx, actor, request.body) });
    },
  );

  app.patch(
    "/admin/saved-replies/:id",
    {
      schema: {
        operationId: "updateSavedReply",
        tags: ["messages", "admin"],
        summary: "Admins: change a saved reply's title or body (audited)",
        params: idParamsSchema,
        body: updateSavedReplySchema,
        response: { 200: apiResponseSchema(savedReplySchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      return {
        status: "success" as const,
        data: await updateSavedReply(ctx, actor, request.params.id, request.body),
      };
    },
  );

  app.delete(
    "/admin/saved-replies/:id",
    {
      schema: {
        operationId: "deleteSavedReply",
        tags: ["messages", "admin"],
        summary: "Admins: delete a saved reply (audited)",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(z.null()), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await requireRole(request, ["admin"]);
      await deleteSavedReply(ctx, actor, request.params.id);
      return { status: "success" as const, data: null };
    },
  );
};
