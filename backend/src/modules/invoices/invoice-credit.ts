import type { Tx } from "../../db/client.ts";
import { returnCreditFromInvoice, takeCreditForInvoice } from "../rewards/rewards.service.ts";
import { invoiceTotals } from "./invoice-totals.ts";
import { appendLines, detachCreditLines, type InvoiceRow, listLineRows } from "./invoices.repository.ts";

/**
 * A referrer who takes rewards as credit has their approved rewards taken off the invoice as it is
 * issued: one line per reward, "Referral credit: <friend>", never more than the invoice's total.
 */
export async function applyReferralCredit(tx: Tx, row: InvoiceRow & { number: string }): Promise<number> {
  const { totalMinor } = invoiceTotals(await listLineRows(tx, row.id));
  const credits = await takeCreditForInvoice(tx, {
    userId: row.clientId,
    currency: row.currency,
    maxMinor: totalMinor,
    invoiceNumber: row.number,
  });
  await appendLines(
    tx,
    row.id,
    credits.map((credit) => ({
      kind: "credit" as const,
      description: `Referral credit: ${credit.friendName}`,
      quantity: 1,
      unitAmountMinor: -credit.amountMinor,
      taxRateBps: 0,
      rewardId: credit.rewardId,
    })),
  );
  return credits.reduce((sum, credit) => sum + credit.amountMinor, 0);
}

/**
 * A voided invoice gives its referral credit back: the rewards its credit lines spent are available
 * for the next invoice. Called in the void's transaction under the invoice's row lock; the lines let
 * go of their rewards, so a second call finds nothing. Answers the total given back.
 */
export async function returnReferralCredit(
  tx: Tx,
  row: InvoiceRow & { number: string },
  actorId: string,
): Promise<number> {
  const rewardIds = await detachCreditLines(tx, row.id);
  const returned = await returnCreditFromInvoice(tx, {
    rewardIds,
    invoiceId: row.id,
    invoiceNumber: row.number,
    actorId,
  });
  return returned.reduce((sum, reward) => sum + reward.amountMinor, 0);
}
