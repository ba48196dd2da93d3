import { useAdminInvoices } from "@referral-app/api-client/react";
import { formatCurrency, formatDate } from "@referral-app/shared/formatting";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Link, useSearchParams } from "react-router";
import { strings } from "../../strings.ts";
import { InvoiceStateBadge } from "./case-invoices-panel.tsx";

/** Every invoice, newest first; `?overdue=true` is the overdue list. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const overdue = params.get("overdue") === "true";
  const invoices = useAdminInvoices(overdue ? { overdue: true, limit: 100 } : { limit: 100 });
  return (
    <>
      <PageHeader
        title={strings.invoices.title}
        description={strings.invoices.description}
        actions={
          <a
            href={`/api/admin/invoices/export.csv${overdue ? "?overdue=true" : ""}`}
            download
            className={buttonClasses({ variant: "secondary", size: "sm" })}
          >
            {strings.invoices.export}
          </a>
        }
      />
      <fieldset className="mb-4 flex gap-2">
        <legend className="sr-only">{strings.invoices.title}</legend>
        <button
          type="button"
          aria-pressed={!overdue}
          className={buttonClasses({ variant: overdue ? "ghost" : "secondary", size: "sm" })}
          onClick={() => setParams({})}
        >
          {strings.invoices.all}
        </button>
        <button
          type="button"
          aria-pressed={overdue}
          className={buttonClasses({ variant: overdue ? "secondary" : "ghost", size: "sm" })}
          onClick={() => setParams({ overdue: "true" })}
        >
          {strings.invoices.overdueOnly}
        </button>
      </fieldset>
      <Card>
        <QueryState query={invoices} loadingLabel={strings.app.loading}>
          {invoices.data?.data.length ? (
            <ul className="divide-y divide-border">
              {invoices.data.data.map((invoice) => (
                <li
                  key={invoice.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm"
                >
                  <div className="min-w-0">
                    <Link
                      to={`/cases/${invoice.caseId}`}
                      className="font-medium text-brand underline-offset-4 hover:underline"
                    >
                      {strings.invoices.number(invoice.number)}
                    </Link>{" "}
                    <InvoiceStateBadge invoice={invoice} />
                    <p className="text-muted">
                      {invoice.clientName} · {invoice.caseNumber}
                    </p>
                  </div>
                  <p>
                    {strings.invoices.summary(
                      formatCurrency(invoice.totalMinor, invoice.currency),
                      formatCurrency(invoice.balanceMinor, invoice.currency),
                      formatDate(invoice.dueDate),
                    )}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{strings.invoices.none}</p>
          )}
        </QueryState>
      </Card>
    </>
  );
}
