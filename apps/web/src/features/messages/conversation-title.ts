import type { ConversationSummary } from "@referral-app/shared/schemas/conversation";
import type { TFunction } from "i18next";

/** What a conversation is called in a list or a heading: its subject, or what it is about. */
export function conversationTitle(conversation: ConversationSummary, t: TFunction): string {
  if (conversation.type === "consultation")
    return t("messages.types.consultation", { number: conversation.caseNumber ?? "" });
  return conversation.subject ?? t(`messages.types.${conversation.type}`);
}
