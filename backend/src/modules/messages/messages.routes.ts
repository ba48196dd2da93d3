import { cursorPageSchema } from "@referral-app/shared/schemas/admin";
import { apiResponseSchema, idParamsSchema } from "@referral-app/shared/schemas/common";
import {
  caseConversationSchema,
  conversationListQuerySchema,
  conversationReadQuerySchema,
  conversationReadResultSchema,
  conversationSchema,
  conversationSummarySchema,
  createConversationSchema,
  markConversationReadSchema,
  messageListQuerySchema,
  messageSchema,
  messageSearchQuerySchema,
  messageSearchResultSchema,
  messagesUnreadCountSchema,
  sendMessageSchema,
  updateMessageSchema,
} from "@referral-app/shared/schemas/conversation";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireStaff, requireUser } from "../../plugins/authenticate.ts";
import { errorResponses } from "../../plugins/error-responses.ts";
import { attachmentsRoutes } from "./attachments.routes.ts";
import {
  createConversation,
  getCaseConversation,
  getConversation,
  joinConversation,
  listMyConversations,
} from "./conversations.service.ts";
import { inboxRoutes } from "./inbox.routes.ts";
import {
  deleteMessage,
  editMessage,
  getMessages,
  getUnreadTotal,
  markConversationRead,
  searchMyMessages,
  sendMessage,
} from "./messages.service.ts";

// Loose: the validated object replaces request.headers, so every other header must survive.
const idempotencyHeadersSchema = z.looseObject({
  "idempotency-key": z.string().trim().min(1).max(255).optional(),
});

const success = <T>(data: T) => ({ status: "success" as const, data });

/** Conversations and messages for every signed-in role; the staff inbox is in inbox.routes.ts. */
export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  await app.register(inboxRoutes);
  await app.register(attachmentsRoutes);

  app.get(
    "/conversations",
    {
      schema: {
        operationId: "listConversations",
        tags: ["messages"],
        summary: "My conversations, latest activity first, each with its last message and my unread count",
        querystring: conversationListQuerySchema,
        response: { 200: cursorPageSchema(conversationSummarySchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listMyConversations(ctx, await requireUser(request), request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/conversations",
    {
      schema: {
        operationId: "createConversation",
        tags: ["messages"],
        summary:
          "Open a conversation: clients open `support` or their case's `consultation`; staff also open groups and add people",
        body: createConversationSchema,
        response: {
          200: apiResponseSchema(conversationSchema),
          201: apiResponseSchema(conversationSchema),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { conversation, created } = await createConversation(
        ctx,
        await requireUser(request),
        request.body,
      );
      return reply.status(created ? 201 : 200).send(success(conversation));
    },
  );

  app.get(
    "/conversations/unread-count",
    {
      schema: {
        operationId: "getMessagesUnreadCount",
        tags: ["messages"],
        summary: "Unread messages across all my conversations (the nav badge)",
        response: { 200: apiResponseSchema(messagesUnreadCountSchema), ...errorResponses(401) },
      },
    },
    async (request) => success({ count: await getUnreadTotal(ctx, await requireUser(request)) }),
  );

  app.get(
    "/conversations/:id",
    {
      schema: {
        operationId: "getConversation",
        tags: ["messages"],
        summary:
          "One conversation with its participants and read receipts (admins not in it give a `reason`)",
        params: idParamsSchema,
        querystring: conversationReadQuerySchema,
        response: { 200: apiResponseSchema(conversationSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      success(
        await getConversation(ctx, await requireUser(request), request.params.id, request.query.reason),
      ),
  );

  app.get(
    "/conversations/:id/messages",
    {
      schema: {
        operationId: "listConversationMessages",
        tags: ["messages"],
        summary: "A page of messages, newest last; `nextCursor` loads the earlier ones",
        params: idParamsSchema,
        querystring: messageListQuerySchema,
        response: { 200: cursorPageSchema(messageSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await getMessages(ctx, await requireUser(request), request.params.id, request.query);
      return { status: "success" as const, data: page.items, nextCursor: page.nextCursor };
    },
  );

  app.post(
    "/conversations/:id/messages",
    {
      schema: {
        operationId: "sendMessage",
        tags: ["messages"],
        summary: "Post a message (plain text up to 5,000 characters); honours Idempotency-Key",
        params: idParamsSchema,
        headers: idempotencyHeadersSchema,
        body: sendMessageSchema,
        response: { 201: apiResponseSchema(messageSchema), ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = await requireUser(request);
      const result = await sendMessage(
        ctx,
        actor,
        request.params.id,
        request.body,
        request.headers["idempotency-key"],
      );
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(success(result.body));
    },
  );

  app.post(
    "/conversations/:id/read",
    {
      schema: {
        operationId: "markConversationRead",
        tags: ["messages"],
        summary: "Move my read receipt up to a message (never back); answers my unread counts",
        params: idParamsSchema,
        body: markConversationReadSchema,
        response: { 200: apiResponseSchema(conversationReadResultSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      success(
        await markConversationRead(
          ctx,
          await requireUser(request),
          request.params.id,
          request.body.upToMessageId,
        ),
      ),
  );

  app.post(
    "/conversations/:id/join",
    {
      schema: {
        operationId: "joinConversation",
        tags: ["messages"],
        summary: "Staff: join a case's consultation or a support conversation",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(conversationSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => success(await joinConversation(ctx, await requireStaff(request), request.params.id)),
  );

  app.get(
    "/cases/:id/conversation",
    {
      schema: {
        operationId: "getCaseConversation",
        tags: ["messages", "cases"],
        summary: "The case's consultation, if one was opened (null before), with my part in it",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(caseConversationSchema.nullable()), ...errorResponses(401, 404) },
      },
    },
    async (request) => success(await getCaseConversation(ctx, await requireUser(request), request.params.id)),
  );

  app.patch(
    "/messages/:id",
    {
      schema: {
        operationId: "editMessage",
        tags: ["messages"],
        summary: "Edit my message within 10 minutes of sending (shown as edited)",
        params: idParamsSchema,
        body: updateMessageSchema,
        response: { 200: apiResponseSchema(messageSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      success(await editMessage(ctx, await requireUser(request), request.params.id, request.body)),
  );

  app.delete(
    "/messages/:id",
    {
      schema: {
        operationId: "deleteMessage",
        tags: ["messages"],
        summary: "Delete my message; the thread shows “message deleted”",
        params: idParamsSchema,
        response: { 200: apiResponseSchema(messageSchema), ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => success(await deleteMessage(ctx, await requireUser(request), request.params.id)),
  );

  app.get(
    "/messages/search",
    {
      schema: {
        operationId: "searchMessages",
        tags: ["messages"],
        summary: "Full-text search over the messages I may read, best first, with highlighted excerpts",
        querystring: messageSearchQuerySchema,
        response: { 200: apiResponseSchema(z.array(messageSearchResultSchema)), ...errorResponses(400, 401) },
      },
    },
    async (request) => success(await searchMyMessages(ctx, await requireUser(request), request.query)),
  );
};
