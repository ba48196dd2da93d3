import { isStaffRole } from "@referral-app/shared/constants";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  type ConversationRow,
  findConversationFor,
  type ParticipantRow,
} from "./conversations.repository.ts";

export interface ConversationAccess {
  conversation: ConversationRow;
  /** Null for an admin reading a conversation they are not in. */
  participant: ParticipantRow | null;
}

/**
 * The conversation if the caller is a participant. Anyone else gets 404, staff included; an admin
 * may read any conversation after giving a reason, which is audited (and they may not write).
 */
export async function openConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  options: { reason?: string | undefined; db?: DbOrTx } = {},
): Promise<ConversationAccess> {
  const db = options.db ?? ctx.db;
  const found = await findConversationFor(db, conversationId, actor.id);
  if (!found) throw notFound("Conversation");
  const { conversation, participant } = found;
  if (participant) return { conversation, participant };
  if (actor.role !== "admin") throw notFound("Conversation");
  if (!options.reason)
    throw new DomainError("REASON_REQUIRED", "Say why you are opening a conversation you are not in", {
      fields: { reason: ["Required to open a conversation you are not in"] },
    });
  await writeAudit(db, {
    actorId: actor.id,
    action: "conversation.opened_by_admin",
    entityType: "conversation",
    entityId: conversation.id,
    after: { reason: options.reason },
  });
  return { conversation, participant: null };
}

/** The conversation only if the caller may write to it (participants with write access). */
export async function openForWriting(
  _ctx: AppContext,
  actor: Actor,
  conversationId: string,
  db: DbOrTx,
): Promise<ConversationAccess & { participant: ParticipantRow }> {
  const found = await findConversationFor(db, conversationId, actor.id);
  if (!found?.participant) throw notFound("Conversation");
  const { conversation, participant } = found;
  if (!canWrite(actor, conversation, participant))
    throw new DomainError("CONVERSATION_READ_ONLY", "You can read this conversation but not write in it");
  return { conversation, participant };
}

/** Participants with write access post; a closed conversation takes replies from staff only. */
export function canWrite(actor: Actor, conversation: ConversationRow, participant: ParticipantRow | null) {
  if (!participant?.canWrite) return false;
  // A client answering a closed support question reopens it; a closed group is closed to clients.
  if (conversation.state === "closed" && conversation.type === "group") return isStaffRole(actor.role);
  return true;
}
