import type { SharedStrings } from "@referral-app/i18n/en";
import type { Strings } from "@referral-app/i18n/types";

/** The app's flat message keys that say the shared thread's words (same keys in every language). */
export function sharedMessageWords(words: Strings<SharedStrings>) {
  return {
    title: words.messages.title,
    unread_one: words.messages.unread_one,
    unread_other: words.messages.unread_other,
    noMessages: words.messages.noMessages,
    you: words.messages.thread.you,
    formerParticipant: words.messages.thread.formerParticipant,
    edited: words.messages.thread.edited,
    deleted: words.messages.thread.deleted,
    placeholder: words.messages.thread.placeholder,
    label: words.messages.thread.label,
    send: words.messages.thread.send,
    attach: words.messages.thread.attach,
    sendFailed: words.messages.thread.sendFailed,
    loadError: words.messages.thread.loadError,
    emptyThread: words.messages.thread.empty,
    readOnly: words.messages.thread.readOnly,
    openAttachment: words.messages.thread.openAttachment,
  };
}
