import { useInvoiceActions } from "@referral-app/api-client/react";
import {
  formatCurrency,
  fromMinorUnits,
  pickedDayAsInstant,
  toDateInputValue,
} from "@referral-app/shared/formatting";
import { type InvoiceSummary, MANUAL_PAYMENT_METHODS } from "@referral-app/shared/schemas/invoice";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, FormMessage, Input, Select } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { minorOf } from "./invoice-editor.tsx";

type Method = (typeof MANUAL_PAYMENT_METHODS)[number];
// One Idempotency-Key per payment the user confirms: a retried request never records it twice.
const newKey = () => crypto.randomUUID();

/** Record money received by hand: fill in, review the sentence, then confirm (one key per payment). */
export function RecordPaymentDialog({ invoice }: { invoice: InvoiceSummary }) {
  const words = strings.invoices.record;
  const { recordPayment } = useInvoiceActions();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [amount, setAmount] = useState(String(fromMinorUnits(invoice.balanceMinor, invoice.currency)));
  const [method, setMethod] = useState<Method>("bank_transfer");
  const [reference, setReference] = useState("");
  const [paidAt, setPaidAt] = useState(toDateInputValue);
  const [key, setKey] = useState(newKey);
  const typed = minorOf(amount, invoice.currency);
  const minor = typed !== null && typed > 0 ? typed : null;
  const ready = minor !== null && reference.trim() !== "" && paidAt !== "";
  const reset = (next: boolean) => {
    setOpen(next);
    setReviewing(false);
    setKey(newKey());
    recordPayment.reset();
  };
  const confirm = () =>
    recordPayment.mutate(
      {
        id: invoice.id,
        key,
        data: {
          amount: minor ?? 0,
          method,
          reference: reference.trim(),
          paidAt: pickedDayAsInstant(paidAt),
        },
      },
      {
        onSuccess: () => {
          toast({ title: words.done, tone: "success" });
          reset(false);
        },
      },
    );
  return (
    <Dialog
      open={open}
      onOpenChange={reset}
      title={words.title}
      closeLabel={strings.common.dismiss}
      trigger={
        <Button size="sm" variant="secondary">
          {words.open}
        </Button>
      }
    >
      {reviewing && minor !== null ? (
        <div className="space-y-4">
          <p className="text-sm">
            {words.confirm(formatCurrency(minor, invoice.currency), words.methods[method])}
          </p>
          {recordPayment.error ? <FormMessage>{errorMessage(recordPayment.error)}</FormMessage> : null}
          <div className="flex gap-2">
            <Button onClick={confirm} loading={recordPayment.isPending}>
              {words.submit}
            </Button>
            <Button variant="ghost" onClick={() => setReviewing(false)}>
              {words.back}
            </Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-3"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) setReviewing(true);
          }}
        >
          <Field label={`${words.amount} (${invoice.currency})`} required>
            <Input inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
          </Field>
          <Field label={words.method} required>
            <Select value={method} onChange={(event) => setMethod(event.target.value as Method)}>
              {MANUAL_PAYMENT_METHODS.map((option) => (
                <option key={option} value={option}>
                  {words.methods[option]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={words.reference} required>
            <Input value={reference} onChange={(event) => setReference(event.target.value)} />
          </Field>
          <Field label={words.paidAt} required>
            <Input
              type="date"
              value={paidAt}
              max={toDateInputValue()}
              onChange={(event) => setPaidAt(event.target.value)}
            />
          </Field>
          <Button type="submit" disabled={!ready}>
            {words.review}
          </Button>
        </form>
      )}
    </Dialog>
  );
}
