import { currencyMinorUnits, formatCurrency, fromMinorUnits } from "@referral-app/shared/formatting";
import type { PayoutBatchDetail } from "@referral-app/shared/schemas/payout";
import { csvLine } from "../../lib/csv.ts";
import { drawLetterhead, drawRow, type Letterhead, renderPdf } from "../../lib/pdf-document.ts";

const LINES = [
  { x: 50, width: 300 },
  { x: 355, width: 90 },
  { x: 450, width: 95, align: "right" as const },
];

/** The partner's statement: every commission in the batch and the total paid (or to be paid). */
export function renderPayoutStatement(batch: PayoutBatchDetail, head: Letterhead): Promise<Buffer> {
  const money = (minor: number) => formatCurrency(minor, batch.currency);
  return renderPdf(`Payout statement ${batch.number}`, (doc) => {
    drawLetterhead(doc, head, "Payout statement");
    doc.font("Helvetica").fontSize(10);
    doc.text(`Statement: ${batch.number}`);
    doc.text(`Partner: ${batch.partnerOrganizationName}`);
    doc.text(`Created: ${batch.createdAt.slice(0, 10)}`);
    doc.text(
      batch.status === "paid"
        ? `Paid on ${batch.paidAt?.slice(0, 10)}, reference ${batch.paymentReference}`
        : "Status: not yet paid",
    );
    doc.moveDown();
    drawRow(doc, ["Referral", "Date", "Commission"], LINES, { bold: true });
    for (const commission of batch.commissions) {
      drawRow(
        doc,
        [commission.referralName, commission.createdAt.slice(0, 10), money(commission.amountMinor)],
        LINES,
      );
    }
    doc.moveDown();
    drawRow(doc, [`Total (${batch.commissionCount} commissions)`, "", money(batch.totalMinor)], LINES, {
      bold: true,
    });
  });
}

/** One payment per batch in a bank bulk-upload layout: payee, amount in major units, currency, reference. */
export function payoutCsv(batch: PayoutBatchDetail): string {
  return (
    csvLine(["payee_name", "amount", "currency", "payment_reference", "commissions"]) +
    csvLine([
      batch.partnerOrganizationName,
      fromMinorUnits(batch.totalMinor, batch.currency).toFixed(currencyMinorUnits(batch.currency)),
      batch.currency,
      batch.number,
      batch.commissionCount,
    ])
  );
}
