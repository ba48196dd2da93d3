import type { MessageThreadStrings } from "@referral-app/app-kit/message-thread";
import type { ConversationState } from "@referral-app/shared/schemas/conversation";
import { strings } from "../../strings.ts";

// The staff dashboard's words for messages, in the console's language (locales/messages-*.ts). Read
// when a page module loads, which is after language.ts has chosen the words.
export const messageStrings = strings.messages;
export const thread: MessageThreadStrings = strings.messages.thread;
export const STATE_LABELS: Record<ConversationState, string> = strings.messages.states;
