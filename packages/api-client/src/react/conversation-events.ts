import type { ConversationLiveEvent, Message } from "@referral-app/shared/schemas/conversation";
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { queryKeys } from "./query-keys.ts";

type Thread = InfiniteData<{ data: Message[]; nextCursor: string | null }>;

/**
 * A live message event: the message goes into (or replaces its copy in) an open thread at once, and
 * the lists and the unread badge are fetched again.
 */
export function applyConversationEvent(queryClient: QueryClient, event: ConversationLiveEvent): void {
  const { conversationId } = event.data;
  if (event.type !== "conversation.read" && event.data.message) {
    const message = event.data.message;
    queryClient.setQueryData<Thread>(queryKeys.messages.thread(conversationId), (thread) => {
      if (!thread) return thread;
      const [newest, ...older] = thread.pages;
      if (!newest) return thread;
      const known = thread.pages.some((page) => page.data.some((item) => item.id === message.id));
      const pages = known
        ? thread.pages.map((page) => ({
            ...page,
            data: page.data.map((item) => (item.id === message.id ? message : item)),
          }))
        : [{ ...newest, data: [...newest.data, message] }, ...older];
      return { ...thread, pages };
    });
  } else if (event.type !== "conversation.read") {
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages.thread(conversationId) });
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.messages.conversations() });
  void queryClient.invalidateQueries({ queryKey: queryKeys.messages.conversation(conversationId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.messages.unreadTotal() });
  void queryClient.invalidateQueries({ queryKey: ["messages", "inbox"] });
  void queryClient.invalidateQueries({ queryKey: ["messages", "case"] });
}
