import type { InvoiceState } from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { completeCasePaymentStage } from "../cases/cases.service.ts";
import type { InvoiceRow } from "./invoices.repository.ts";

/**
 * A stage invoice that has just become paid, whatever paid it (money recorded by staff, a Stripe
 * webhook, or referral credit as it is sent), completes the case's Payment stage. Runs in that
 * change's transaction; the case remembers it, so a second paid invoice changes nothing.
 */
export async function completeStageWhenPaid(
  ctx: AppContext,
  tx: Tx,
  row: Pick<InvoiceRow, "id" | "caseId" | "number" | "isStageInvoice">,
  state: InvoiceState,
  actor: Actor | null,
): Promise<void> {
  if (state !== "paid" || !row.isStageInvoice) return;
  await completeCasePaymentStage(ctx, tx, {
    caseId: row.caseId,
    actor,
    invoiceId: row.id,
    invoiceNumber: row.number,
  });
}
