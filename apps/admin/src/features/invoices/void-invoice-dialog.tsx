import { isApiError } from "@referral-app/api-client/errors";
import { useInvoiceActions } from "@referral-app/api-client/react";
import type { InvoiceSummary } from "@referral-app/shared/schemas/invoice";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Field, FormMessage, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** Voiding needs the invoice to hold no money: nothing paid, or everything paid refunded. */
export const canVoid = (invoice: InvoiceSummary) =>
  invoice.state !== "void" && invoice.paidMinor - invoice.refundedMinor <= 0;

/** Cancels the invoice after a confirmation with the reason the client reads. */
export function VoidInvoiceDialog({ invoice }: { invoice: InvoiceSummary }) {
  const words = strings.invoices.void;
  const { voidInvoice } = useInvoiceActions();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const change = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setReason("");
      voidInvoice.reset();
    }
  };
  const failure = voidInvoice.error;
  // The API's 409: money came in since the list was read.
  const failureWords =
    isApiError(failure) && failure.code === "INVALID_TRANSITION" ? words.holdsMoney : errorMessage(failure);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={words.openFor(invoice.number)}
        onClick={() => setOpen(true)}
      >
        {words.open}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={change}
        title={words.title(invoice.number)}
        description={invoice.state === "draft" ? words.draftBody : words.body}
        confirmLabel={words.confirm}
        cancelLabel={strings.common.cancel}
        closeLabel={strings.common.close}
        danger
        busy={voidInvoice.isPending}
        confirmDisabled={reason.trim() === ""}
        onConfirm={() =>
          voidInvoice.mutate(
            { id: invoice.id, data: { reason: reason.trim() } },
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
          <Field
            label={words.reason}
            hint={invoice.state === "draft" ? undefined : words.reasonHint}
            required
          >
            <Textarea maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
          </Field>
          {failure ? <FormMessage>{failureWords}</FormMessage> : null}
        </div>
      </ConfirmDialog>
    </>
  );
}
