import { useInvoiceActions } from "@referral-app/api-client/react";
import { useConsultancySettings } from "@referral-app/api-client/react/case-admin-hooks";
import { consoleLanguage } from "@referral-app/app-kit/console-language";
import { formatCurrency, parseAmountInput } from "@referral-app/shared/formatting";
import { Button } from "@referral-app/ui/button";
import { Checkbox, Field, FormMessage, Input, Select } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

interface Line {
  key: number;
  description: string;
  quantity: string;
  amount: string;
  taxRateId: string;
}

let nextKey = 1;
const emptyLine = (): Line => ({ key: nextKey++, description: "", quantity: "1", amount: "", taxRateId: "" });

/** Minor units of a typed amount ("150.50", "150,50", "1.234,56"), or null while it is not one the currency can hold. */
export function minorOf(amount: string, currency: string): number | null {
  try {
    return parseAmountInput(amount, currency, consoleLanguage());
  } catch {
    return null; // a currency code still being typed
  }
}

const safeFormat = (minor: number, currency: string) => {
  try {
    return formatCurrency(minor, currency);
  } catch {
    return String(minor);
  }
};

/** A draft invoice for the case: lines with quantity, amount and tax from settings, totals as you type. */
export function InvoiceEditor({ caseId, onCreated }: { caseId: string; onCreated?: () => void }) {
  const settings = useConsultancySettings();
  const { create } = useInvoiceActions();
  const { toast } = useToast();
  const [currency, setCurrency] = useState("USD");
  const [dueDate, setDueDate] = useState("");
  const [stageInvoice, setStageInvoice] = useState(false);
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const rates = settings.data?.taxRates ?? [];
  const change = (key: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
  const priced = lines.map((line) => {
    const unit = minorOf(line.amount, currency);
    const quantity = Math.max(1, Math.trunc(Number(line.quantity)) || 1);
    const rate = rates.find((entry) => entry.id === line.taxRateId)?.rateBps ?? 0;
    const amount = (unit ?? 0) * quantity;
    const tax = Math.sign(amount) * Math.round((Math.abs(amount) * rate) / 10_000);
    return { line, unit, quantity, amount, tax };
  });
  const subtotal = priced.reduce((sum, entry) => sum + entry.amount, 0);
  const tax = priced.reduce((sum, entry) => sum + entry.tax, 0);
  const invalid = priced.some((entry) => entry.unit === null || !entry.line.description.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (invalid) return;
    create.mutate(
      {
        caseId,
        currency: currency.toUpperCase(),
        isStageInvoice: stageInvoice,
        ...(dueDate ? { dueDate } : {}),
        lines: priced.map((entry) => ({
          description: entry.line.description.trim(),
          quantity: entry.quantity,
          unitAmountMinor: entry.unit ?? 0,
          taxRateId: entry.line.taxRateId || null,
        })),
      },
      {
        onSuccess: () => {
          toast({ title: strings.invoices.editor.created, tone: "success" });
          setLines([emptyLine()]);
          onCreated?.();
        },
      },
    );
  };
  const words = strings.invoices.editor;
  return (
    <form onSubmit={submit} className="space-y-4" aria-label={words.title} noValidate>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={words.currency}>
          <Input
            value={currency}
            maxLength={3}
            onChange={(event) => setCurrency(event.target.value.toUpperCase())}
          />
        </Field>
        <Field label={words.dueDate}>
          <Input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
        </Field>
      </div>
      <Checkbox
        label={words.stageInvoice}
        checked={stageInvoice}
        onChange={(event) => setStageInvoice(event.target.checked)}
      />
      <ol className="space-y-3">
        {priced.map(({ line, unit }, index) => (
          <li
            key={line.key}
            className="grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-[3fr_1fr_2fr_2fr_auto]"
          >
            <Field label={`${words.description} ${index + 1}`}>
              <Input
                value={line.description}
                onChange={(event) => change(line.key, { description: event.target.value })}
              />
            </Field>
            <Field label={words.quantity}>
              <Input
                inputMode="numeric"
                value={line.quantity}
                onChange={(event) => change(line.key, { quantity: event.target.value })}
              />
            </Field>
            <Field
              label={words.unitAmount}
              error={line.amount && unit === null ? words.invalidAmount : undefined}
            >
              <Input
                inputMode="decimal"
                value={line.amount}
                onChange={(event) => change(line.key, { amount: event.target.value })}
              />
            </Field>
            <Field label={words.tax}>
              <Select
                value={line.taxRateId}
                onChange={(event) => change(line.key, { taxRateId: event.target.value })}
              >
                <option value="">{words.noTax}</option>
                {rates.map((rate) => (
                  <option key={rate.id} value={rate.id}>
                    {rate.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="self-end"
              disabled={lines.length === 1}
              onClick={() => setLines((current) => current.filter((entry) => entry.key !== line.key))}
            >
              {words.removeLine}
            </Button>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={() => setLines((current) => [...current, emptyLine()])}
      >
        {words.addLine}
      </Button>
      <dl className="ms-auto w-full max-w-xs space-y-1 text-sm" aria-live="polite">
        <div className="flex justify-between">
          <dt>{words.subtotal}</dt>
          <dd>{safeFormat(subtotal, currency)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>{words.taxTotal}</dt>
          <dd>{safeFormat(tax, currency)}</dd>
        </div>
        <div className="flex justify-between font-semibold">
          <dt>{words.total}</dt>
          <dd data-testid="invoice-total">{safeFormat(subtotal + tax, currency)}</dd>
        </div>
      </dl>
      {create.error ? <FormMessage>{errorMessage(create.error)}</FormMessage> : null}
      <Button type="submit" loading={create.isPending} disabled={invalid}>
        {words.create}
      </Button>
    </form>
  );
}
