import type { Message } from "@referral-app/shared/schemas/conversation";
import type { DbOrTx } from "../../db/client.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { listConversationsOf, listParticipants } from "./conversations.repository.ts";
import { listMessages } from "./messages.repository.ts";

const PAGE = 200;

/**
 * Every conversation `userId` takes part in, with all its messages, as they read it in the app: the
 * other participants by the name and role the thread shows them (no e-mail, phone or account id),
 * deleted messages without their text, attachments by name (their bytes are the uploader's data).
 * For "Download my data".
 */
export async function conversationsForExport(db: DbOrTx, userId: string) {
  const out = [];
  for (let cursor: string | null = null; ; ) {
    const page = await listConversationsOf(
      db,
      { id: userId },
      {
        cursor: cursor ? decodeCursor(cursor) : null,
        limit: PAGE,
      },
    );
    for (const conversation of page.items) {
      const participants = await listParticipants(db, conversation.id);
      out.push({
        id: conversation.id,
        type: conversation.type,
        subject: conversation.subject,
        caseNumber: conversation.caseNumber,
        state: conversation.state,
        createdAt: conversation.createdAt,
        participants: participants.map((person) => ({
          name: person.name,
          role: person.role,
          ...(person.userId === userId ? { you: true } : {}),
        })),
        messages: (await allMessages(db, conversation.id)).map((message) => ({
          id: message.id,
          sentAt: message.createdAt,
          // A deleted account leaves no name behind (the apps say "Former participant").
          from: message.senderName || null,
          fromRole: message.senderRole,
          fromYou: message.senderId === userId,
          body: message.body,
          editedAt: message.editedAt,
          deleted: message.deletedAt !== null,
          attachments: message.attachments.map(({ fileName, contentType, size }) => ({
            fileName,
            contentType,
            size,
          })),
        })),
      });
    }
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
}

/** Oldest first: the list pages newest first, each page itself in reading order. */
async function allMessages(db: DbOrTx, conversationId: string): Promise<Message[]> {
  const pages: Message[][] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await listMessages(db, conversationId, {
      cursor: cursor ? decodeCursor(cursor) : null,
      limit: PAGE,
    });
    pages.unshift(page.items);
    cursor = page.nextCursor;
    if (!cursor) return pages.flat();
  }
}
