import type { AuditListQuery } from "@referral-app/shared/schemas/audit";
import type { AppContext } from "../../context.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { listAuditEntries } from "./audit-log.repository.ts";

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
