import type {
  AdminUpdateConversationData,
  CreateConversationData,
  CreateSavedReplyData,
  InboxQuery,
  Message,
  UpdateSavedReplyData,
} from "@referral-app/shared/schemas/conversation";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { createIdempotencyKey } from "../idempotency-key.ts";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

export function useConversations() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.conversations(),
    queryFn: ({ signal }) => services.messages.listConversations({ limit: 50 }, signal),
  });
}

export function useConversation(id: string) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.conversation(id),
    queryFn: ({ signal }) => services.messages.getConversation(id, signal),
  });
}

/** The nav badge: unread messages across every conversation. */
export function useMessagesUnreadTotal(options: { enabled?: boolean } = {}) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.unreadTotal(),
    queryFn: ({ signal }) => services.messages.unreadTotal(signal),
    enabled: options.enabled ?? true,
  });
}

/** A thread, newest page first in `pages`; `messagesOf` puts it in reading order. */
export function useThread(id: string) {
  const { services } = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.messages.thread(id),
    queryFn: ({ signal, pageParam }) =>
      services.messages.listMessages(id, { cursor: pageParam ?? undefined, limit: 50 }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function messagesOf(pages: { data: Message[] }[] | undefined): Message[] {
  return [...(pages ?? [])].reverse().flatMap((page) => page.data);
}

export function useOpenConversation() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateConversationData) => services.messages.createConversation(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.all }),
  });
}

/**
 * Sends with one Idempotency-Key per message typed: the client's retries (and a second tap while the
 * first is in flight) answer the same message. A new key is drawn once a send succeeds.
 */
export function useSendMessage(conversationId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const key = useRef(createIdempotencyKey());
  return useMutation({
    mutationFn: (data: { body: string; attachmentIds?: string[] }) =>
      services.messages.sendMessage(conversationId, data, key.current),
    onSuccess: () => {
      key.current = createIdempotencyKey();
      return queryClient.invalidateQueries({ queryKey: queryKeys.messages.thread(conversationId) });
    },
  });
}

export function useEditMessage(conversationId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => services.messages.editMessage(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.thread(conversationId) }),
  });
}

export function useDeleteMessage(conversationId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => services.messages.deleteMessage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.thread(conversationId) }),
  });
}

export function useMarkConversationRead(conversationId: string) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upToMessageId: string) => services.messages.markRead(conversationId, upToMessageId),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.messages.unreadTotal(), result.totalUnread);
      void queryClient.invalidateQueries({ queryKey: queryKeys.messages.conversations() });
    },
  });
}

export function useUploadAttachment(conversationId: string) {
  const { services } = useApi();
  return useMutation({
    mutationFn: ({ file, fileName }: { file: Blob; fileName?: string }) =>
      services.messages.uploadAttachment(conversationId, file, fileName),
  });
}

/** Opens an attachment through a fresh signed link (links last five minutes). */
export function useAttachmentLink() {
  const { services } = useApi();
  return useMutation({ mutationFn: (fileId: string) => services.messages.attachmentLink(fileId) });
}

export function useMessageSearch(q: string) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.search(q),
    queryFn: ({ signal }) => services.messages.search(q, signal),
    enabled: q.trim().length >= 2,
  });
}

export function useCaseConversation(caseId: string) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.caseConversation(caseId),
    queryFn: ({ signal }) => services.messages.caseConversation(caseId, signal),
  });
}

export function useJoinConversation() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => services.messages.joinConversation(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.all }),
  });
}

export function useInbox(query: Omit<InboxQuery, "cursor"> = {}) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.inbox(query),
    queryFn: ({ signal }) => services.messages.inbox(query, signal),
  });
}

export function useUpdateSupportConversation() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id: string; data: AdminUpdateConversationData }) =>
      services.messages.updateSupportConversation(id, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.all }),
  });
}

export function useSavedReplies() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.messages.savedReplies(),
    queryFn: ({ signal }) => services.messages.savedReplies(signal),
  });
}

export function useCreateSavedReply() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateSavedReplyData) => services.messages.createSavedReply(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.savedReplies() }),
  });
}

export function useUpdateSavedReply() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, data }: { id: string; data: UpdateSavedReplyData }) =>
      services.messages.updateSavedReply(id, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.savedReplies() }),
  });
}

export function useDeleteSavedReply() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => services.messages.deleteSavedReply(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.messages.savedReplies() }),
  });
}
