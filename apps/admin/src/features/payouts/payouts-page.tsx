import { useApi, usePayoutActions, usePayoutBatches } from "@referral-app/api-client/react";
import { formatCurrency } from "@referral-app/shared/formatting";
import type { PayoutBatch } from "@referral-app/shared/schemas/payout";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Field, FormMessage, Input } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { minorOf } from "../invoices/invoice-editor.tsx";

function CreateBatchesForm() {
  const { create } = usePayoutActions();
  const { toast } = useToast();
  const [minimum, setMinimum] = useState("50.00");
  const [holdDays, setHoldDays] = useState("14");
  const minimumMinor = minorOf(minimum, "USD");
  const valid = minimumMinor !== null && minimumMinor >= 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (minimumMinor === null || !valid) return;
    // Minimums are entered in the reward currency's units; USD's two decimals cover most offices.
    create.mutate(
      { minimumMinor, holdDays: Math.max(0, Math.trunc(Number(holdDays)) || 0) },
      { onSuccess: (batches) => toast({ title: strings.payouts.created(batches.length), tone: "success" }) },
    );
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={strings.payouts.create}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <Field label={strings.payouts.minimum} error={valid ? undefined : strings.payouts.invalidMinimum}>
        <Input inputMode="decimal" value={minimum} onChange={(event) => setMinimum(event.target.value)} />
      </Field>
      <Field label={strings.payouts.holdDays}>
        <Input inputMode="numeric" value={holdDays} onChange={(event) => setHoldDays(event.target.value)} />
      </Field>
      <Button type="submit" loading={create.isPending} disabled={!valid}>
        {strings.payouts.create}
      </Button>
      {create.error ? <FormMessage>{errorMessage(create.error)}</FormMessage> : null}
    </form>
  );
}

function BatchRow({ batch }: { batch: PayoutBatch }) {
  const { services } = useApi();
  const { markPaid } = usePayoutActions();
  const [reference, setReference] = useState("");
  return (
    <li className="space-y-2 py-3 text-sm">
      <p className="font-medium">
        {strings.payouts.line(
          batch.number,
          batch.partnerOrganizationName,
          formatCurrency(batch.totalMinor, batch.currency),
          batch.commissionCount,
        )}
      </p>
      <p className="text-muted">
        {batch.status === "paid" ? strings.payouts.paid(batch.paymentReference ?? "") : strings.payouts.open}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <a
          className={buttonClasses({ variant: "secondary", size: "sm" })}
          href={services.payouts.statementPath(batch.id)}
          download
        >
          {strings.payouts.statement}
        </a>
        <a
          className={buttonClasses({ variant: "secondary", size: "sm" })}
          href={services.payouts.csvPath(batch.id)}
          download
        >
          {strings.payouts.csv}
        </a>
        {batch.status === "open" ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (reference.trim()) markPaid.mutate({ id: batch.id, data: { reference: reference.trim() } });
            }}
          >
            <Field label={strings.payouts.reference(batch.number)}>
              <Input value={reference} onChange={(event) => setReference(event.target.value)} />
            </Field>
            <Button type="submit" size="sm" loading={markPaid.isPending} disabled={!reference.trim()}>
              {strings.payouts.markPaid}
            </Button>
          </form>
        ) : null}
      </div>
      {markPaid.error ? <FormMessage>{errorMessage(markPaid.error)}</FormMessage> : null}
    </li>
  );
}

/** Admins: payout batches of partner commissions, their statement and bank file, marked paid. */
export function Component() {
  const batches = usePayoutBatches();
  return (
    <>
      <PageHeader title={strings.payouts.title} description={strings.payouts.description} />
      <Card className="mb-6">
        <CreateBatchesForm />
      </Card>
      <Card>
        <QueryState query={batches} loadingLabel={strings.app.loading}>
          {batches.data?.length ? (
            <ul className="divide-y divide-border">
              {batches.data.map((batch) => (
                <BatchRow key={batch.id} batch={batch} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{strings.payouts.none}</p>
          )}
        </QueryState>
      </Card>
    </>
  );
}
