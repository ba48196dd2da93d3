import type { AuditListQuery } from "@referral-app/shared/schemas/audit";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import {
  countOrganizationActionsSince,
  insertAuditEntry,
  listAuditEntries,
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
