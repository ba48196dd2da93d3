import { en as shared } from "@referral-app/i18n/en";
import { interpolate, plural } from "@referral-app/i18n/format";

const thread = shared.messages.thread;

// The staff dashboard's words for messages: the thread's words are shared with every app; staff reply
// rather than write, and see the audit trail and the admin's read-only view spelled out.
export const messagesEn = {
  thread: {
    ...thread,
    label: "Reply",
    placeholder: "Write a reply…",
    empty: "No messages yet.",
    confirmDelete:
      "Delete this message? Everyone will see “Message deleted” (the text stays in the audit log).",
    readOnly: "You are reading this conversation as an admin; join it to reply.",
    removeAttachment: (name: string) => interpolate(thread.removeAttachment, { name }),
    charactersLeft: (count: number) => interpolate(thread.charactersLeft, { count }),
    openAttachment: (name: string) => interpolate(thread.openAttachment, { name }),
  },
  states: shared.conversationState,
  nav: shared.messages.title,
  unreadNav: (count: number) =>
    plural("en", count, { one: "{{count}} unread message", other: "{{count}} unread messages" }),
  inboxTitle: "Support inbox",
  inboxIntro: "Clients' general questions. Take one to answer it, or hand it to a colleague.",
  filters: {
    state: "State",
    assignee: "Assigned to",
    overdue: "Only overdue",
    any: "Any",
    me: "Me",
    unassigned: "Nobody",
  },
  columns: {
    subject: "Question",
    client: "Client",
    state: "State",
    assignee: "Assigned to",
    due: "First answer due",
  },
  noSubject: "No subject",
  overdue: "Overdue",
  answered: "Answered",
  take: "Take it",
  assignTo: (subject: string) => `Assign “${subject}” to`,
  stateOf: (subject: string) => `State of “${subject}”`,
  nobody: "Nobody",
  empty: "No support conversations match.",
  back: "Support inbox",
  conversationTitle: "Conversation",
  notParticipant: "You are not in this conversation. Take it from the inbox, or join it from its case.",
  savedReplies: "Saved replies",
  insertReply: "Insert a saved reply",
  pickReply: "Choose a reply…",
  newReply: "Add a saved reply",
  replyTitle: "Title",
  replyBody: "Text",
  addReply: "Add reply",
  noReplies: "No saved replies yet.",
  editReply: "Edit",
  editReplyOf: (title: string) => `Edit “${title}”`,
  saveReply: "Save reply",
  deleteReply: "Delete",
  deleteReplyOf: (title: string) => `Delete “${title}”`,
  deleteReplyTitle: (title: string) => `Delete the saved reply “${title}”?`,
  deleteReplyBody: "Staff will no longer be able to insert it. Messages already sent keep their text.",
  replyDeleted: "Saved reply deleted",
  caseMessages: "Messages with the client",
  caseMessagesNone: "The client has not written about this case yet.",
  join: "Join the conversation",
  startCaseConversation: "Write to the client",
  messages: (count: number) => plural("en", count, { one: "{{count}} message", other: "{{count}} messages" }),
};
