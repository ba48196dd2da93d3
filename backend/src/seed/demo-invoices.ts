import { sql } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import {
  consultancySettings,
  invoiceLines,
  invoiceNumberSequences,
  invoicePayments,
  invoices,
} from "../db/schema/index.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The demo client's money: a paid consultation invoice with its bank transfer, and the open
 * service-fee invoice due in two weeks; the consultancy's letterhead and bank-transfer instructions.
 */
export async function writeDemoInvoices(
  tx: Tx,
  input: { caseId: string; clientId: string; staffId: string; now: Date },
): Promise<void> {
  const { now } = input;
  await tx
    .update(consultancySettings)
    .set({
      businessName: "Northstar Visa Consultancy",
      businessAddress: "221 King Street, London EC2A 4NE",
      paymentInstructions:
        "Pay by bank transfer to Northstar Visa Consultancy, IBAN GB29 NWBK 6016 1331 9268 19, quoting the " +
        "invoice number; or pay in cash or by card at our office.",
    })
    .where(sql`${consultancySettings.id} = 1`);
  const year = now.getUTCFullYear();
  const [sequence] = await tx
    .insert(invoiceNumberSequences)
    .values({ year, lastValue: 2 })
    .onConflictDoUpdate({
      target: invoiceNumberSequences.year,
      set: { lastValue: sql`${invoiceNumberSequences.lastValue} + 2` },
    })
    .returning();
  const number = (n: number) => `INV-${year}-${String(n).padStart(4, "0")}`;
  const issued = new Date(now.getTime() - 30 * DAY_MS);
  const [paid, open] = await tx
    .insert(invoices)
    .values([
      {
        number: number(sequence!.lastValue - 1),
        caseId: input.caseId,
        clientId: input.clientId,
        currency: "GBP",
        state: "paid",
        issueDate: day(issued),
        dueDate: day(new Date(issued.getTime() + 14 * DAY_MS)),
        subtotalMinor: 25_000,
        totalMinor: 25_000,
        paidMinor: 25_000,
        sentAt: issued,
        createdBy: input.staffId,
        createdAt: issued,
      },
      {
        number: number(sequence!.lastValue),
        caseId: input.caseId,
        clientId: input.clientId,
        currency: "GBP",
        state: "open",
        isStageInvoice: true,
        issueDate: day(now),
        dueDate: day(new Date(now.getTime() + 14 * DAY_MS)),
        subtotalMinor: 139_000,
        totalMinor: 139_000,
        sentAt: now,
        createdBy: input.staffId,
      },
    ])
    .returning({ id: invoices.id });
  await tx.insert(invoiceLines).values([
    {
      invoiceId: paid!.id,
      position: 0,
      description: "Initial consultation",
      quantity: 1,
      unitAmountMinor: 25_000,
    },
    {
      invoiceId: open!.id,
      position: 0,
      description: "Student visa service fee",
      quantity: 1,
      unitAmountMinor: 90_000,
    },
    {
      invoiceId: open!.id,
      position: 1,
      description: "Visa application fee (passed through)",
      quantity: 1,
      unitAmountMinor: 49_000,
    },
  ]);
  await tx.insert(invoicePayments).values({
    invoiceId: paid!.id,
    kind: "payment",
    amountMinor: 25_000,
    method: "bank_transfer",
    reference: "FPS 88213",
    paidAt: new Date(issued.getTime() + 3 * DAY_MS),
    recordedBy: input.staffId,
  });
}
