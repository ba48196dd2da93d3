import { useApi, useCaseInvoices, useInvoiceActions, useSession } from "@referral-app/api-client/react";
import { formatCurrency, formatDate } from "@referral-app/shared/formatting";
import type { InvoiceSummary } from "@referral-app/shared/schemas/invoice";
import { Badge } from "@referral-app/ui/badge";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { QueryState } from "@referral-app/ui/query-state";
import { useToast } from "@referral-app/ui/toast";
import { strings } from "../../strings.ts";
import { InvoiceEditor } from "./invoice-editor.tsx";
import { RecordPaymentDialog } from "./record-payment-dialog.tsx";
import { canRefund, RefundInvoiceDialog } from "./refund-invoice-dialog.tsx";
import { canVoid, VoidInvoiceDialog } from "./void-invoice-dialog.tsx";

export function InvoiceStateBadge({ invoice }: { invoice: InvoiceSummary }) {
  if (invoice.overdue) return <Badge tone="danger">{strings.invoices.overdue}</Badge>;
  const tone =
    invoice.state === "paid" ? "success" : invoice.state === "partially_paid" ? "warning" : "neutral";
  return <Badge tone={tone}>{strings.invoices.states[invoice.state]}</Badge>;
}

function InvoiceRow({ invoice }: { invoice: InvoiceSummary }) {
  const { services } = useApi();
  const { send } = useInvoiceActions();
  const { toast } = useToast();
  // Money leaves the consultancy only on an admin's word (the API refuses staff a refund).
  const isAdmin = useSession().data?.user.role === "admin";
  const money = (minor: number) => formatCurrency(minor, invoice.currency);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
      <div className="min-w-0">
        <p className="font-medium">
          {strings.invoices.number(invoice.number)} <InvoiceStateBadge invoice={invoice} />
        </p>
        <p className="text-muted">
          {strings.invoices.summary(
            money(invoice.totalMinor),
            money(invoice.balanceMinor),
            formatDate(invoice.dueDate),
          )}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {invoice.state === "draft" ? (
          <Button
            size="sm"
            loading={send.isPending}
            onClick={() =>
              send.mutate(invoice.id, {
                onSuccess: () => toast({ title: strings.invoices.sent, tone: "success" }),
              })
            }
          >
            {strings.invoices.send}
          </Button>
        ) : null}
        {invoice.state === "open" || invoice.state === "partially_paid" ? (
          <RecordPaymentDialog invoice={invoice} />
        ) : null}
        {isAdmin && canRefund(invoice) ? <RefundInvoiceDialog invoice={invoice} /> : null}
        {canVoid(invoice) ? <VoidInvoiceDialog invoice={invoice} /> : null}
        <a
          className={buttonClasses({ variant: "ghost", size: "sm" })}
          href={services.invoices.pdfPath(invoice.id)}
          download
        >
          {strings.invoices.pdf}
        </a>
      </div>
    </li>
  );
}

/** The case's invoices for staff: send drafts, record payments, refund, void, and the editor for a new one. */
export function CaseInvoicesPanel({ caseId }: { caseId: string }) {
  const invoices = useCaseInvoices(caseId);
  return (
    <Card title={strings.invoices.caseTitle}>
      <QueryState query={invoices} loadingLabel={strings.app.loading}>
        {invoices.data?.length ? (
          <ul className="divide-y divide-border">
            {invoices.data.map((invoice) => (
              <InvoiceRow key={invoice.id} invoice={invoice} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{strings.invoices.none}</p>
        )}
      </QueryState>
      <div className="mt-4 border-t border-border pt-4">
        <h3 className="mb-3 text-sm font-semibold">{strings.invoices.editor.title}</h3>
        <InvoiceEditor caseId={caseId} />
      </div>
    </Card>
  );
}
