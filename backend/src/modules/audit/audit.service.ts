import type { AuditListQuery } from "@referral-app/shared/schemas/audit";
import type { ActivityEntry } from "@referral-app/shared/schemas/privacy";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import {
  countOrganizationActionsSince,
  insertAuditEntry,
  listAuditEntries,
  listUserAuditEntries,
  type NewAuditEntry,
} from "./audit.repository.ts";

/** Records who changed what; pass the change's transaction so both commit together. */
export function writeAudit(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  return insertAuditEntry(db, entry);
}

export function searchAuditLog(ctx: AppContext, query: AuditListQuery & { limit: number }) {
  return listAuditEntries(ctx.db, {
    entityType: query.entityType,
    entityId: query.entityId,
    actorId: query.actorId,
    action: query.action,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
}

/** Counts what an organisation had done recently (invitations per day, say), from the log itself. */
export function countRecentOrganizationActions(
  db: DbOrTx,
  filter: { actions: string[]; partnerOrganizationId: string; since: Date },
): Promise<number> {
  return countOrganizationActionsSince(db, filter);
}

/** "My activity": what was logged about the user's account; staff actors are not named. */
export async function listUserActivity(
  ctx: AppContext,
  userId: string,
  query: { page: number; limit: number },
): Promise<{ items: ActivityEntry[]; total: number }> {
  const { items, total } = await listUserAuditEntries(ctx.db, userId, query);
  return {
    total,
    items: items.map((entry) => ({
      id: entry.id,
      action: entry.action,
      byYou: entry.actorId === userId,
      details: entry.after,
      createdAt: entry.createdAt.toISOString(),
    })),
  };
}
