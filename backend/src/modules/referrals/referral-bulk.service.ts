import type {
  AdminReferralExportQuery,
  BulkReferralStatusData,
  BulkReferralStatusItem,
  BulkReferralStatusResult,
} from "@referral-app/shared/schemas/admin";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { csvLine } from "../../lib/csv.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { DomainError } from "../../lib/domain-error.ts";
import { listAdminReferrals } from "./admin-referrals.repository.ts";
import { changeReferralStatus } from "./referral-status.service.ts";

/**
 * Moves each referral through the referrals module's own single change (its transition rules,
 * rewards, notification and audit), one transaction per referral: one refusal skips only that id.
 */
export async function bulkChangeReferralStatus(
  ctx: AppContext,
  actor: Actor,
  input: BulkReferralStatusData,
): Promise<BulkReferralStatusResult> {
  const results: BulkReferralStatusItem[] = [];
  for (const id of new Set(input.ids)) {
    try {
      const { ids: _ids, ...change } = input;
      await changeReferralStatus(ctx, actor, id, change);
      results.push({ id, outcome: "updated" });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ id, outcome: "skipped", code: error.code, reason: error.message });
    }
  }
  const updated = results.filter((item) => item.outcome === "updated").length;
  return { updated, skipped: results.length - updated, results };
}

const EXPORT_BATCH = 1000;

export const REFERRAL_EXPORT_COLUMNS = [
  "id",
  "createdAt",
  "status",
  "fullName",
  "email",
  "phone",
  "country",
  "visaInterest",
  "relationship",
  "source",
  "referrerName",
  "referrerEmail",
  "partnerOrganizationId",
  "overdue",
  "rewardAmountMinor",
  "rewardCurrency",
  "rewardStatus",
  "notes",
] as const;

/** The admin list's filters, every matching row, as CSV lines fetched a keyset batch at a time. */
export async function* exportReferralsCsv(
  ctx: AppContext,
  query: AdminReferralExportQuery & { sort: "newest" | "oldest" },
): AsyncGenerator<string> {
  yield csvLine(REFERRAL_EXPORT_COLUMNS);
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await listAdminReferrals(ctx.db, { ...query, cursor, limit: EXPORT_BATCH });
    let chunk = "";
    for (const row of page.items) {
      chunk += csvLine([
        row.id,
        row.createdAt,
        row.status,
        row.fullName,
        row.email,
        row.phone,
        row.country,
        row.visaInterest,
        row.relationship,
        row.source,
        row.referrerName,
        row.referrerEmail,
        row.partnerOrganizationId,
        row.overdue,
        row.reward?.amountMinor,
        row.reward?.currency,
        row.reward?.status,
        row.notes,
      ]);
    }
    if (chunk) yield chunk;
    if (!page.next) return;
    cursor = page.next;
  }
}
