import { isApiError } from "@referral-app/api-client/errors";
import { useInvoiceActions } from "@referral-app/api-client/react";
import { formatCurrency } from "@referral-app/app-kit/console-format";
import { currencyMinorUnits, fromMinorUnits } from "@referral-app/shared/formatting";
import type { InvoiceSummary } from "@referral-app/shared/schemas/invoice";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Field, FormMessage, Input, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { minorOf } from "./invoice-editor.tsx";

const refundableOf = (invoice: InvoiceSummary) => invoice.paidMinor - invoice.refundedMinor;

/** Only money paid and not yet given back can be refunded. */
export const canRefund = (invoice: InvoiceSummary) =>
  (invoice.state === "paid" || invoice.state === "partially_paid") && refundableOf(invoice) > 0;

/** The paid amount as staff type money (150.00, ¥155000), not minor units. */
const asTyped = (minor: number, currency: string) =>
  fromMinorUnits(minor, currency).toFixed(currencyMinorUnits(currency));

/** The API's refusals in the staff member's words. */
function refundFailure(error: unknown, currency: string): string {
  if (isApiError(error)) {
    const words = strings.invoices.refund;
    const refundable = error.details?.refundableMinor;
    if (error.code === "CONFLICT" && typeof refundable === "number") {
      return words.tooMuch(formatCurrency(refundable, currency));
    }
    if (error.code === "INVALID_TRANSITION") return words.nothingToRefund;
    if (error.code === "SERVICE_UNAVAILABLE") return words.needsStripe;
  }
  return errorMessage(error);
}

/** Gives money back (the paid amount unless staff change it), after a confirmation with a reason. */
export function RefundInvoiceDialog({ invoice }: { invoice: InvoiceSummary }) {
  const words = strings.invoices.refund;
  const { refund } = useInvoiceActions();
  const { toast } = useToast();
  const refundable = refundableOf(invoice);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const minor = minorOf(amount, invoice.currency);
  const max = formatCurrency(refundable, invoice.currency);
  const amountError =
    amount.trim() === ""
      ? undefined
      : minor === null || minor <= 0
        ? words.invalidAmount
        : minor > refundable
          ? words.tooMuch(max)
          : undefined;
  const ready = minor !== null && minor > 0 && minor <= refundable && reason.trim() !== "";
  const change = (next: boolean) => {
    setOpen(next);
    setAmount(next ? asTyped(refundable, invoice.currency) : "");
    setReason("");
    refund.reset();
  };
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={words.openFor(invoice.number)}
        onClick={() => change(true)}
      >
        {words.open}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={change}
        title={words.title(invoice.number)}
        description={words.body(max)}
        confirmLabel={
          ready && minor !== null ? words.confirm(formatCurrency(minor, invoice.currency)) : words.submit
        }
        cancelLabel={strings.common.cancel}
        closeLabel={strings.common.close}
        danger
        busy={refund.isPending}
        confirmDisabled={!ready}
        onConfirm={() =>
          refund.mutate(
            { id: invoice.id, data: { amount: minor ?? 0, reason: reason.trim() } },
            {
              onSuccess: () => {
                toast({ title: words.done, tone: "success" });
                change(false);
              },
            },
          )
        }
      >
        <div className="space-y-3">
          <Field label={`${words.amount} (${invoice.currency})`} error={amountError} required>
            <Input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          </Field>
          <Field label={words.reason} required>
            <Textarea maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
          {refund.error ? <FormMessage>{refundFailure(refund.error, invoice.currency)}</FormMessage> : null}
        </div>
      </ConfirmDialog>
    </>
  );
}
