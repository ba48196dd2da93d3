import {
  type Conversation,
  createConversationSchema,
  type Message,
  markConversationReadSchema,
  sendMessageSchema,
} from "@referral-app/shared/schemas/conversation";
import { HttpResponse, http } from "msw";
import { newUuid } from "./case-handlers.ts";
import type { MockStore } from "./mock-store.ts";
import { fail, invalid, ok, readJson } from "./respond.ts";

interface MessageState {
  conversations: Conversation[];
  messages: Map<string, Message[]>;
}

const states = new WeakMap<MockStore, MessageState>();

/** The conversations behind a store's handlers, for tests to seed and inspect. */
export function mockConversations(store: MockStore): MessageState {
  let state = states.get(store);
  if (!state) {
    state = { conversations: [], messages: new Map() };
    states.set(store, state);
  }
  return state;
}

/** Conversations in memory: open, send, read; enough for the apps' screens and their tests. */
export function messageHandlers(store: MockStore, url: (path: string) => string) {
  const { conversations, messages } = mockConversations(store);
  const find = (id: unknown) => conversations.find((entry) => entry.id === id);
  const page = (data: unknown[]) => ({ status: "success" as const, data, nextCursor: null });
  return [
    http.get(url("conversations"), () => HttpResponse.json(page(conversations))),
    http.get(url("conversations/unread-count"), () =>
      ok({ count: conversations.reduce((sum, entry) => sum + entry.unreadCount, 0) }),
    ),
    http.post(url("conversations"), async ({ request }) => {
      const parsed = createConversationSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const existing = conversations.find(
        (entry) => entry.type === "consultation" && entry.caseId === parsed.data.caseId,
      );
      if (existing) return ok(existing);
      const now = new Date().toISOString();
      const conversation: Conversation = {
        id: newUuid(),
        type: parsed.data.type,
        caseId: parsed.data.caseId ?? null,
        caseNumber: parsed.data.caseId
          ? (store.cases.find((entry) => entry.id === parsed.data.caseId)?.number ?? null)
          : null,
        subject: parsed.data.subject ?? null,
        state: "open",
        lastMessage: null,
        unreadCount: 0,
        lastActivityAt: now,
        createdAt: now,
        participants: [
          {
            userId: store.user.id,
            name: store.user.name,
            role: "client",
            canWrite: true,
            lastReadMessageId: null,
            lastReadAt: null,
          },
        ],
        canWrite: true,
      };
      conversations.unshift(conversation);
      messages.set(conversation.id, []);
      return ok(conversation, 201);
    }),
    http.get(url("conversations/:id"), ({ params }) => {
      const conversation = find(params.id);
      return conversation ? ok(conversation) : fail("NOT_FOUND", "Conversation not found");
    }),
    http.get(url("conversations/:id/messages"), ({ params }) => {
      const list = messages.get(String(params.id));
      return list ? HttpResponse.json(page(list)) : fail("NOT_FOUND", "Conversation not found");
    }),
    http.post(url("conversations/:id/messages"), async ({ params, request }) => {
      const conversation = find(params.id);
      if (!conversation) return fail("NOT_FOUND", "Conversation not found");
      const parsed = sendMessageSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(parsed.error);
      const message: Message = {
        id: newUuid(),
        conversationId: conversation.id,
        senderId: store.user.id,
        senderName: store.user.name,
        senderRole: "client",
        body: parsed.data.body,
        attachments: [],
        editedAt: null,
        deletedAt: null,
        createdAt: new Date().toISOString(),
      };
      messages.get(conversation.id)?.push(message);
      conversation.lastMessage = message;
      conversation.lastActivityAt = message.createdAt;
      return ok(message, 201);
    }),
    http.post(url("conversations/:id/read"), async ({ params, request }) => {
      const conversation = find(params.id);
      const parsed = markConversationReadSchema.safeParse(await readJson(request));
      if (!conversation || !parsed.success) return fail("NOT_FOUND", "Message not found");
      conversation.unreadCount = 0;
      const totalUnread = conversations.reduce((sum, entry) => sum + entry.unreadCount, 0);
      return ok({
        conversationId: conversation.id,
        lastReadMessageId: parsed.data.upToMessageId,
        unreadCount: 0,
        totalUnread,
      });
    }),
    http.get(url("cases/:id/conversation"), ({ params }) => {
      const conversation = conversations.find((entry) => entry.caseId === params.id);
      return ok(
        conversation
          ? {
              id: conversation.id,
              isParticipant: true,
              unreadCount: 0,
              messageCount: 0,
              lastActivityAt: conversation.lastActivityAt,
            }
          : null,
      );
    }),
    http.get(url("messages/search"), () => ok([])),
  ];
}
