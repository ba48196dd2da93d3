import { formatCurrency } from "@referral-app/shared/formatting";
import { drawLetterhead, drawRow, type Letterhead, renderPdf } from "../../lib/pdf-document.ts";
import type { InvoiceDetail } from "./invoices.repository.ts";

const COLUMNS = [
  { x: 50, width: 220 },
  { x: 275, width: 40, align: "right" as const },
  { x: 320, width: 75, align: "right" as const },
  { x: 400, width: 60, align: "right" as const },
  { x: 465, width: 80, align: "right" as const },
];
const TOTALS = [
  { x: 300, width: 160, align: "right" as const },
  { x: 465, width: 80, align: "right" as const },
];

const STATE_WORDS: Record<InvoiceDetail["state"], string> = {
  draft: "Draft",
  open: "Open",
  partially_paid: "Partly paid",
  paid: "Paid",
  void: "Void",
  refunded: "Refunded",
};

/**
 * The invoice, or its receipt, as PDF: letterhead, client and case, lines with their taxes,
 * payments and the balance, every amount formatted for the invoice's currency (JPY has no decimals).
 */
export function renderInvoicePdf(
  invoice: InvoiceDetail,
  head: Letterhead,
  kind: "invoice" | "receipt",
): Promise<Buffer> {
  const money = (minor: number) => formatCurrency(minor, invoice.currency);
  const title =
    kind === "receipt" ? `Receipt for invoice ${invoice.number}` : `Invoice ${invoice.number ?? "(draft)"}`;
  return renderPdf(title, (doc) => {
    drawLetterhead(doc, head, kind === "receipt" ? "Receipt" : "Invoice");
    doc.font("Helvetica").fontSize(10);
    doc.text(`Invoice number: ${invoice.number ?? "Draft"}`);
    doc.text(`Status: ${STATE_WORDS[invoice.state]}${invoice.overdue ? " (overdue)" : ""}`);
    doc.text(`Issue date: ${invoice.issueDate}    Due date: ${invoice.dueDate}`);
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").text("Billed to");
    doc.font("Helvetica").text(`${invoice.clientName} <${invoice.clientEmail}>`);
    doc.text(`Case ${invoice.caseNumber}`);
    doc.moveDown();
    drawRow(doc, ["Description", "Qty", "Unit price", "Tax", "Amount"], COLUMNS, { bold: true });
    for (const line of invoice.lines) {
      const tax = line.taxRateName ? `${line.taxRateName}: ${money(line.taxMinor)}` : "-";
      drawRow(
        doc,
        [line.description, String(line.quantity), money(line.unitAmountMinor), tax, money(line.amountMinor)],
        COLUMNS,
      );
    }
    doc.moveDown();
    drawRow(doc, ["Subtotal", money(invoice.subtotalMinor)], TOTALS);
    drawRow(doc, ["Tax", money(invoice.taxMinor)], TOTALS);
    drawRow(doc, ["Total", money(invoice.totalMinor)], TOTALS, { bold: true });
    if (invoice.payments.length > 0) {
      doc.moveDown();
      doc.font("Helvetica-Bold").fontSize(12).text("Payments", 50);
      for (const payment of invoice.payments) {
        const sign = payment.kind === "refund" ? "Refund" : "Payment";
        const reference = payment.reference ? ` (${payment.reference})` : "";
        drawRow(
          doc,
          [
            `${sign} ${payment.paidAt.slice(0, 10)}${reference}`,
            money(payment.kind === "refund" ? -payment.amountMinor : payment.amountMinor),
          ],
          TOTALS,
        );
      }
    }
    doc.moveDown();
    drawRow(doc, ["Balance due", money(invoice.balanceMinor)], TOTALS, { bold: true });
    if (kind === "receipt") {
      doc.moveDown(2);
      doc
        .font("Helvetica")
        .fontSize(10)
        .text(`Received with thanks: ${money(invoice.paidMinor - invoice.refundedMinor)}.`, 50);
    }
  });
}
