import type { MessageThreadStrings } from "@referral-app/app-kit/message-thread";
import { strings } from "../../strings.ts";

// The partner portal's words for its group threads with the consultancy, in the portal's language.
// Read when a page module loads, which is after language.ts has chosen the words.
export const messageStrings = strings.messages;
export const thread: MessageThreadStrings = strings.messages.thread;
