import type { AppContext } from "../../context.ts";
import { aggregateAndDropEventsBefore } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { purgeDecidedCaseDocuments } from "../documents/documents.service.ts";
import { purgeNotificationsBefore } from "../notifications/notifications.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { purgeExpiredExports } from "./data-export-run.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export interface RetentionReport {
  caseDocuments: number;
  caseDocumentFiles: number;
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
  const documents = await purgeDecidedCaseDocuments(
    ctx,
    monthsBefore(now, settings.caseDocumentRetentionMonths).toISOString().slice(0, 10),
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
    caseDocuments: documents.documents,
    caseDocumentFiles: documents.files,
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
