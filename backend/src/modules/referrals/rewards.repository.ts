import type { Money } from "@referral-app/shared/schemas/common";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { partnerOrganizations, rewardLedger } from "../../db/schema/index.ts";

export interface LedgerCredit extends Money {
  userId: string;
  referralId: string;
  kind: "referral_reward" | "partner_commission";
  availableAt: Date;
  reason: string;
  partnerOrganizationId?: string | null;
}

/**
 * Credits a pending ledger entry once per referral and kind (unique index on (referral_id, kind)):
 * true when this call created it, false when it already existed.
 */
export async function creditLedger(db: DbOrTx, credit: LedgerCredit): Promise<boolean> {
  const rows = await db
    .insert(rewardLedger)
    .values({ ...credit, status: "pending", partnerOrganizationId: credit.partnerOrganizationId ?? null })
    .onConflictDoNothing({ target: [rewardLedger.referralId, rewardLedger.kind] })
    .returning({ id: rewardLedger.id });
  return rows.length > 0;
}

export type PartnerCommission =
  | { type: "fixed"; amountMinor: number; currency: string }
  | { type: "rate"; rateBps: number };

export async function findPartnerCommission(
  db: DbOrTx,
  organizationId: string,
): Promise<PartnerCommission | null> {
  const [row] = await db
    .select()
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, organizationId));
  if (!row) return null;
  return row.commissionType === "rate"
    ? { type: "rate", rateBps: row.commissionRateBps ?? 0 }
    : { type: "fixed", amountMinor: row.commissionAmountMinor ?? 0, currency: row.commissionCurrency };
}
