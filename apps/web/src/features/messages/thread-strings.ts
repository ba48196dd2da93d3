import type { MessageThreadStrings } from "@referral-app/app-kit/message-thread";
import type { TFunction } from "i18next";

/** The shared thread's words in the client app's language. */
export function threadStrings(t: TFunction): MessageThreadStrings {
  return {
    label: t("messages.thread.label"),
    placeholder: t("messages.thread.placeholder"),
    send: t("messages.thread.send"),
    attach: t("messages.thread.attach"),
    removeAttachment: (name) => t("messages.thread.removeAttachment", { name }),
    uploading: t("messages.thread.uploading"),
    charactersLeft: (count) => t("messages.thread.charactersLeft", { count }),
    sendFailed: t("messages.thread.sendFailed"),
    loading: t("messages.thread.loading"),
    loadError: t("messages.thread.loadError"),
    empty: t("messages.thread.empty"),
    earlier: t("messages.thread.earlier"),
    you: t("messages.thread.you"),
    formerParticipant: t("messages.thread.formerParticipant"),
    edited: t("messages.thread.edited"),
    deleted: t("messages.thread.deleted"),
    edit: t("messages.thread.edit"),
    save: t("messages.thread.save"),
    cancel: t("messages.thread.cancel"),
    delete: t("messages.thread.delete"),
    confirmDelete: t("messages.thread.confirmDelete"),
    seen: t("messages.thread.seen"),
    readOnly: t("messages.thread.readOnly"),
    openAttachment: (name) => t("messages.thread.openAttachment", { name }),
    threadLabel: t("messages.thread.threadLabel"),
  };
}
