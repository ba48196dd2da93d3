import { isStaffRole } from "@referral-app/shared/constants";
import type {
  CaseConversation,
  Conversation,
  ConversationListQuery,
  ConversationSummary,
  CreateConversationData,
} from "@referral-app/shared/schemas/conversation";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { getCasePeople } from "../cases/cases.service.ts";
import { supportFirstResponseDue } from "../settings/settings.service.ts";
import { canWrite, openConversation } from "./conversation-access.ts";
import {
  addParticipants,
  type ConversationRow,
  findCaseConversation,
  findConsultationOfCase,
  findConversationRow,
  findParticipant,
  findSummaryFor,
  findUsers,
  insertConversation,
  listConversationsOf,
  listParticipants,
} from "./conversations.repository.ts";

const forbidden = (message: string) => new DomainError("FORBIDDEN", message);

function invalidParticipants(message: string): DomainError {
  return new DomainError("VALIDATION_ERROR", message, { fields: { participantIds: [message] } });
}

/** Checks staff-chosen participants exist and may sign in; `staffOnly` for a consultation's extras. */
async function checkedParticipants(tx: Tx, ids: readonly string[], staffOnly: boolean): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await findUsers(tx, unique);
  if (found.length !== unique.length || found.some((user) => user.deactivatedAt))
    throw invalidParticipants("Some of these people have no active account");
  if (staffOnly && found.some((user) => !isStaffRole(user.role)))
    throw invalidParticipants("Only staff may join a consultation beside the people on the case");
  return unique;
}

/**
 * Opens a conversation. A client may open `support`, or the `consultation` of a case they are on,
 * and may not add participants; staff open any type. A case has one consultation: asking again
 * answers it (joining whoever asked), so "Message your consultant" always lands in the same thread.
 */
export async function createConversation(
  ctx: AppContext,
  actor: Actor,
  input: CreateConversationData,
): Promise<{ conversation: Conversation; created: boolean }> {
  const staff = isStaffRole(actor.role);
  if (!staff && input.participantIds?.length) throw forbidden("Only staff may add participants");
  if (actor.role === "partner") throw forbidden("Partners take part in the group threads staff open");
  if (staff && input.type === "support") throw forbidden("Support conversations are opened by clients");
  if (!staff && input.type === "group") throw forbidden("Group conversations are opened by staff");

  const { id, created } = await ctx.db.transaction(async (tx) => {
    if (input.type === "consultation") return openConsultation(tx, actor, input);
    const now = new Date();
    let participants = [actor.id];
    if (input.type === "group") {
      if (!input.participantIds?.length) throw invalidParticipants("Add at least one person");
      participants = [actor.id, ...(await checkedParticipants(tx, input.participantIds, false))];
    }
    const row = await insertConversation(tx, {
      type: input.type,
      subject: input.subject ?? null,
      createdBy: actor.id,
      lastActivityAt: now,
      createdAt: now,
      ...(input.type === "support" ? { firstResponseDueAt: await supportFirstResponseDue(tx, now) } : {}),
    });
    await addParticipants(tx, row!.id, participants);
    await audit(tx, actor, row!);
    return { id: row!.id, created: true };
  });
  return { conversation: await getConversation(ctx, actor, id), created };
}

async function openConsultation(tx: Tx, actor: Actor, input: CreateConversationData) {
  const people = await getCasePeople(tx, input.caseId!);
  const staff = isStaffRole(actor.role);
  if (!people || (!staff && !people.audience.includes(actor.id))) throw notFound("Case");
  const extras = staff ? await checkedParticipants(tx, input.participantIds ?? [], true) : [];
  const members = [
    ...people.audience,
    ...(people.consultantId ? [people.consultantId] : []),
    actor.id,
    ...extras,
  ];
  const existing = await findConsultationOfCase(tx, people.caseId);
  const row =
    existing ??
    (await insertConversation(tx, {
      type: "consultation",
      caseId: people.caseId,
      subject: input.subject ?? null,
      createdBy: actor.id,
    })) ??
    // Someone opened it a moment ago (the unique index kept one): join theirs.
    (await findConsultationOfCase(tx, people.caseId));
  await addParticipants(tx, row!.id, members);
  if (!existing) await audit(tx, actor, row!);
  return { id: row!.id, created: !existing };
}

function audit(tx: Tx, actor: Actor, row: ConversationRow) {
  return writeAudit(tx, {
    actorId: actor.id,
    action: "conversation.opened",
    entityType: "conversation",
    entityId: row.id,
    after: { type: row.type, caseId: row.caseId },
  });
}

export async function getConversation(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  reason?: string,
): Promise<Conversation> {
  const access = await openConversation(ctx, actor, conversationId, { reason });
  const [summary, participants] = await Promise.all([
    findSummaryFor(ctx.db, access.conversation.id, actor),
    listParticipants(ctx.db, access.conversation.id),
  ]);
  if (!summary) throw notFound("Conversation");
  return { ...summary, participants, canWrite: canWrite(actor, access.conversation, access.participant) };
}

export async function listMyConversations(
  ctx: AppContext,
  actor: Actor,
  query: ConversationListQuery,
): Promise<{ items: ConversationSummary[]; nextCursor: string | null }> {
  return listConversationsOf(ctx.db, actor, {
    cursor: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit ?? 20,
  });
}

/** Staff join a consultation (any case is theirs to read) or a support question. */
export async function joinConversation(ctx: AppContext, actor: Actor, conversationId: string) {
  if (!isStaffRole(actor.role)) throw notFound("Conversation");
  await ctx.db.transaction(async (tx) => {
    const row = await findConversationRow(tx, conversationId);
    if (!row || row.type === "group") throw notFound("Conversation");
    if (await findParticipant(tx, row.id, actor.id)) return;
    await addParticipants(tx, row.id, [actor.id]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "conversation.joined",
      entityType: "conversation",
      entityId: row.id,
    });
  });
  return getConversation(ctx, actor, conversationId);
}

/** The case's consultation as its page shows it (null before anyone wrote). */
export async function getCaseConversation(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<CaseConversation | null> {
  const people = await getCasePeople(ctx.db, caseId);
  if (!people || (!isStaffRole(actor.role) && !people.audience.includes(actor.id))) throw notFound("Case");
  return findCaseConversation(ctx.db, people.caseId, actor.id);
}
