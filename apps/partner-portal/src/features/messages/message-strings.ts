import type { MessageThreadStrings } from "@referral-app/app-kit/message-thread";

// The partner portal's words for its group threads with the consultancy (English, like the portal).
export const thread: MessageThreadStrings = {
  label: "Message",
  placeholder: "Write a message…",
  send: "Send",
  attach: "Attach a file",
  removeAttachment: (name) => `Remove ${name}`,
  uploading: "Uploading attachments…",
  charactersLeft: (count) => `${count} characters left`,
  sendFailed: "The message was not sent. Try again.",
  loading: "Loading messages…",
  loadError: "The messages could not be loaded.",
  empty: "No messages yet. Write the first one.",
  earlier: "Show earlier messages",
  you: "You",
  formerParticipant: "Former participant",
  edited: "edited",
  deleted: "Message deleted",
  edit: "Edit",
  save: "Save",
  cancel: "Cancel",
  delete: "Delete",
  confirmDelete: "Delete this message? Everyone will see “Message deleted”.",
  seen: "Seen",
  readOnly: "You can read this conversation but not write in it.",
  openAttachment: (name) => `Open ${name}`,
  threadLabel: "Messages in this conversation",
};

export const messageStrings = {
  nav: "Messages",
  title: "Messages",
  intro: "Your organisation's conversations with the consultancy's staff.",
  empty: "No conversations yet. The consultancy's staff open them with your organisation.",
  untitled: "Conversation with the consultancy",
  unread: (count: number) => `${count} unread`,
  back: "All messages",
  noMessages: "No messages yet",
};
