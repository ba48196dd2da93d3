import { isStaffRole } from "@referral-app/shared/constants";
import type {
  AdminUpdateConversationData,
  CreateSavedReplyData,
  InboxItem,
  InboxQuery,
  SavedReply,
  UpdateSavedReplyData,
} from "@referral-app/shared/schemas/conversation";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  addParticipants,
  findConversationRow,
  findUsers,
  updateConversationRow,
} from "./conversations.repository.ts";
import {
  deleteSavedReplyRow,
  findSavedReplyRow,
  insertSavedReply,
  listInbox,
  listSavedReplies,
  updateSavedReplyRow,
} from "./inbox.repository.ts";

export function getInbox(
  ctx: AppContext,
  actor: Actor,
  query: InboxQuery,
  now = new Date(),
): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const assigneeId =
    query.assignee === "me" ? actor.id : query.assignee === "unassigned" ? null : query.assignee;
  return listInbox(
    ctx.db,
    actor.id,
    { state: query.state, assigneeId, overdue: query.overdue },
    { cursor: query.cursor ? decodeCursor(query.cursor) : null, limit: query.limit ?? 50 },
    now,
  );
}

/**
 * Staff take a support question (assign themselves), hand it to a colleague or change its state.
 * The assignee joins the conversation, so they can read and answer it. Audited.
 */
export async function updateSupportConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  update: AdminUpdateConversationData,
): Promise<InboxItem> {
  await ctx.db.transaction(async (tx) => {
    const row = await findConversationRow(tx, conversationId, { forUpdate: true });
    // Consultations and groups are not in the inbox; what is not there is not found.
    if (row?.type !== "support") throw notFound("Conversation");
    if (update.assigneeId) {
      const [member] = await findUsers(tx, [update.assigneeId]);
      if (!member || !isStaffRole(member.role) || member.deactivatedAt)
        throw new DomainError("VALIDATION_ERROR", "Assign the conversation to an active staff member", {
          fields: { assigneeId: ["Not an active staff member"] },
        });
      await addParticipants(tx, row.id, [member.id]);
    }
    const values = {
      ...(update.assigneeId !== undefined ? { assigneeId: update.assigneeId } : {}),
      ...(update.state ? { state: update.state } : {}),
    };
    await updateConversationRow(tx, row.id, values);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "conversation.updated",
      entityType: "conversation",
      entityId: row.id,
      before: { assigneeId: row.assigneeId, state: row.state },
      after: values,
    });
  });
  const { items } = await listInbox(
    ctx.db,
    actor.id,
    { id: conversationId },
    { cursor: null, limit: 1 },
    new Date(),
  );
  return items[0]!;
}

export function getSavedReplies(ctx: AppContext): Promise<SavedReply[]> {
  return listSavedReplies(ctx.db);
}

export async function createSavedReply(
  ctx: AppContext,
  actor: Actor,
  input: CreateSavedReplyData,
): Promise<SavedReply> {
  return ctx.db.transaction(async (tx) => {
    const reply = await insertSavedReply(tx, { ...input, createdBy: actor.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "saved_reply.created",
      entityType: "saved_reply",
      entityId: reply.id,
      after: { title: reply.title },
    });
    return reply;
  });
}

export async function updateSavedReply(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateSavedReplyData,
): Promise<SavedReply> {
  return ctx.db.transaction(async (tx) => {
    const before = await findSavedReplyRow(tx, id);
    if (!before) throw notFound("Saved reply");
    const reply = await updateSavedReplyRow(tx, id, input);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "saved_reply.updated",
      entityType: "saved_reply",
      entityId: id,
      before: { title: before.title, body: before.body },
      after: { title: reply.title, body: reply.body },
    });
    return reply;
  });
}

export async function deleteSavedReply(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await findSavedReplyRow(tx, id);
    if (!before) throw notFound("Saved reply");
    await deleteSavedReplyRow(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "saved_reply.deleted",
      entityType: "saved_reply",
      entityId: id,
      before: { title: before.title, body: before.body },
    });
  });
}
