import {
  messagesOf,
  useAttachmentLink,
  useConversation,
  useDeleteMessage,
  useEditMessage,
  useMarkConversationRead,
  useThread,
} from "@referral-app/api-client/react/message-hooks";
import { linkify } from "@referral-app/shared/linkify";
import { MESSAGE_EDIT_WINDOW_MS, type Message } from "@referral-app/shared/schemas/conversation";
import { Button } from "@referral-app/ui/button";
import { cn } from "@referral-app/ui/cn";
import { Textarea } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { type ReactNode, useEffect, useState } from "react";
import { type ComposerStrings, MessageComposer } from "./message-composer.tsx";

export interface MessageThreadStrings extends ComposerStrings {
  loading: string;
  loadError: string;
  empty: string;
  earlier: string;
  you: string;
  formerParticipant: string;
  edited: string;
  deleted: string;
  edit: string;
  save: string;
  cancel: string;
  delete: string;
  confirmDelete: string;
  seen: string;
  readOnly: string;
  openAttachment: (name: string) => string;
  threadLabel: string;
}

export interface MessageThreadProps {
  conversationId: string;
  currentUserId: string;
  strings: MessageThreadStrings;
  formatTime: (iso: string) => string;
  describeError: (error: unknown) => string;
  /** Text to put in the composer (staff saved replies). */
  insert?: { text: string; nonce: number } | undefined;
  /** Shown above the composer (e.g. the saved-reply picker). */
  composerExtras?: ReactNode;
}

/** Plain text with links made clickable: nothing in a message is ever read as HTML. */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {linkify(text).map((piece, index) =>
        piece.kind === "link" ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their order
            key={index}
            href={piece.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="underline underline-offset-2"
          >
            {piece.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

const humanSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

function MessageItem({
  message,
  mine,
  seen,
  props,
}: {
  message: Message;
  mine: boolean;
  seen: boolean;
  props: MessageThreadProps;
}) {
  const { strings, conversationId } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const edit = useEditMessage(conversationId);
  const remove = useDeleteMessage(conversationId);
  const link = useAttachmentLink();
  const editable =
    mine && !message.deletedAt && Date.now() - Date.parse(message.createdAt) < MESSAGE_EDIT_WINDOW_MS;
  const sender = mine ? strings.you : message.senderName || strings.formerParticipant;
  return (
    <li className={cn("flex flex-col", mine ? "items-end" : "items-start")} data-testid="message">
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3 py-2 text-sm",
          mine ? "bg-brand-soft text-fg" : "bg-subtle text-fg",
        )}
      >
        <p className="text-xs font-semibold text-muted">
          {sender} · <time dateTime={message.createdAt}>{props.formatTime(message.createdAt)}</time>
          {message.editedAt && !message.deletedAt ? ` · ${strings.edited}` : ""}
        </p>
        {message.deletedAt ? (
          <p className="italic text-muted">{strings.deleted}</p>
        ) : editing !== null ? (
          <form
            className="mt-1 space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              edit.mutate({ id: message.id, body: editing }, { onSuccess: () => setEditing(null) });
            }}
          >
            <Textarea
              aria-label={strings.edit}
              value={editing}
              onChange={(event) => setEditing(event.target.value)}
            />
            {edit.error ? (
              <p role="alert" className="text-danger">
                {props.describeError(edit.error)}
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button size="sm" type="submit" loading={edit.isPending}>
                {strings.save}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                {strings.cancel}
              </Button>
            </div>
          </form>
        ) : (
          message.body && <MessageText text={message.body} />
        )}
        {message.attachments.length > 0 ? (
          <ul className="mt-1 space-y-1">
            {message.attachments.map((file) => (
              <li key={file.id}>
                <button
                  type="button"
                  className="text-start underline underline-offset-2"
                  aria-label={strings.openAttachment(file.fileName)}
                  onClick={() =>
                    link.mutate(file.id, { onSuccess: ({ url }) => window.open(url, "_blank", "noopener") })
                  }
                >
                  📎 {file.fileName} ({humanSize(file.size)})
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {editable && editing === null ? (
        <div className="flex gap-1">
          <Button size="sm" variant="ghost" onClick={() => setEditing(message.body)}>
            {strings.edit}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(strings.confirmDelete)) remove.mutate(message.id);
            }}
          >
            {strings.delete}
          </Button>
        </div>
      ) : null}
      {seen ? <p className="text-xs text-muted">{strings.seen}</p> : null}
    </li>
  );
}

/** One conversation: its messages (earlier pages on demand), read receipts, and the composer. */
export function MessageThread(props: MessageThreadProps) {
  const { conversationId, currentUserId, strings } = props;
  const conversation = useConversation(conversationId);
  const thread = useThread(conversationId);
  const markRead = useMarkConversationRead(conversationId);
  const messages = messagesOf(thread.data?.pages);
  const newest = messages.at(-1);
  const newestFromOthers = [...messages].reverse().find((message) => message.senderId !== currentUserId);
  const readUpTo = conversation.data?.participants.find((p) => p.userId === currentUserId)?.lastReadMessageId;

  // Reading the thread moves my receipt to the newest message from someone else.
  const { mutate } = markRead;
  useEffect(() => {
    if (newestFromOthers && newestFromOthers.id !== readUpTo) mutate(newestFromOthers.id);
  }, [newestFromOthers, readUpTo, mutate]);

  if (thread.isPending) return <SkeletonList label={strings.loading} lines={4} />;
  if (thread.error)
    return (
      <p role="alert" className="text-sm text-danger">
        {strings.loadError}
      </p>
    );
  const order = new Map(messages.map((message, index) => [message.id, index]));
  const others = conversation.data?.participants.filter((p) => p.userId !== currentUserId) ?? [];
  const myLast = [...messages].reverse().find((message) => message.senderId === currentUserId);
  const seenMine =
    myLast &&
    others.some(
      (p) => p.lastReadMessageId && (order.get(p.lastReadMessageId) ?? -1) >= (order.get(myLast.id) ?? 0),
    );
  return (
    <div className="flex flex-col gap-3">
      {thread.hasNextPage ? (
        <Button
          variant="ghost"
          size="sm"
          loading={thread.isFetchingNextPage}
          onClick={() => thread.fetchNextPage()}
        >
          {strings.earlier}
        </Button>
      ) : null}
      {messages.length === 0 ? <p className="text-sm text-muted">{strings.empty}</p> : null}
      <ol aria-label={strings.threadLabel} aria-live="polite" className="flex flex-col gap-3">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            mine={message.senderId === currentUserId}
            seen={Boolean(seenMine && message.id === myLast?.id && newest?.id === myLast?.id)}
            props={props}
          />
        ))}
      </ol>
      {props.composerExtras}
      {conversation.data && !conversation.data.canWrite ? (
        <p className="text-sm text-muted">{strings.readOnly}</p>
      ) : (
        <MessageComposer
          conversationId={conversationId}
          strings={strings}
          insert={props.insert}
          describeError={props.describeError}
        />
      )}
    </div>
  );
}
