import { sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { aggregateAndDropEventsBefore } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { purgeNotificationsBefore } from "../notifications/notifications.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { purgeExpiredExports } from "./data-export-run.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

// Case documents live in the documents module's table; whichever of these exists (with a case_id)
// is swept. The integrator points this at documents.service once both are on main.
const CASE_DOCUMENT_TABLES = ["case_documents", "documents"];

async function purgeDecidedCaseDocuments(ctx: AppContext, cutoff: Date): Promise<number> {
  let removed = 0;
  for (const table of CASE_DOCUMENT_TABLES) {
    const exists = (await ctx.db.execute(sql`
      select 1 from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name = 'case_id'`)) as unknown as {
      rows: unknown[];
    };
    if (exists.rows.length === 0) continue;
    const result = (await ctx.db.execute(sql`
      delete from ${sql.identifier(table)} d using cases c
      where d.case_id = c.id and c.decided_at is not null and c.decided_at < ${cutoff.toISOString().slice(0, 10)}::date
      returning 1`)) as unknown as { rows: unknown[] };
    removed += result.rows.length;
  }
  return removed;
}

export interface RetentionReport {
  caseDocuments: number;
  notifications: number;
  notificationDeliveries: number;
  analyticsEvents: number;
  expiredExports: number;
}

/**
 * The retention rules from the settings, applied once: a decided case's documents after N months,
 * notifications after their days, analytics events counted per day then dropped after N months,
 * expired data exports. Logs and audits what it removed (counts only). Idempotent.
 */
export async function applyRetention(ctx: AppContext, now: Date): Promise<RetentionReport> {
  const settings = await getSettings(ctx);
  const caseDocuments = await purgeDecidedCaseDocuments(
    ctx,
    monthsBefore(now, settings.caseDocumentRetentionMonths),
  );
  const purged = await purgeNotificationsBefore(
    ctx,
    new Date(now.getTime() - settings.notificationRetentionDays * DAY_MS),
  );
  const analyticsEvents = await aggregateAndDropEventsBefore(
    ctx,
    monthsBefore(now, settings.analyticsRetentionMonths),
  );
  const expiredExports = await purgeExpiredExports(ctx, now);
  const report: RetentionReport = {
    caseDocuments,
    notifications: purged.notifications,
    notificationDeliveries: purged.deliveries,
    analyticsEvents,
    expiredExports,
  };
  ctx.logger.info({ retention: report }, "retention rules applied");
  await writeAudit(ctx.db, {
    actorId: null,
    action: "privacy.retention_applied",
    entityType: "retention",
    entityId: now.toISOString().slice(0, 10),
    after: { ...report },
  });
  return report;
}
