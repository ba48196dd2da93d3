import { useApi, useCaseInvoices } from "@referral-app/api-client/react";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { QueryError } from "../cases/query-error.tsx";
import { InvoiceLines } from "./invoice-lines.tsx";
import { InvoiceStateBadge } from "./invoice-state-badge.tsx";
import { PayInvoiceButton } from "./pay-invoice-dialog.tsx";

/** The case's invoices: amount, due date and state; pay the balance, download the PDF and receipt. */
export function CaseInvoicesCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { services } = useApi();
  const invoices = useCaseInvoices(caseId);
  let body = <SkeletonList label={t("app.loading")} lines={2} />;
  if (invoices.data?.length === 0) body = <p className="text-sm text-muted">{t("invoices.empty")}</p>;
  else if (invoices.data)
    body = (
      <ul className="divide-y divide-border">
        {invoices.data.map((invoice) => (
          <li key={invoice.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
            <div className="min-w-0">
              <p className="font-medium">
                {t("invoices.number", { number: invoice.number })} <InvoiceStateBadge invoice={invoice} />
              </p>
              <p className="text-muted">
                {t("invoices.summary", {
                  total: format.money(invoice.totalMinor, invoice.currency),
                  due: format.date(invoice.dueDate),
                })}
              </p>
              {invoice.balanceMinor > 0 && invoice.state !== "void" ? (
                <p>
                  {t("invoices.balance", { amount: format.money(invoice.balanceMinor, invoice.currency) })}
                </p>
              ) : null}
              <InvoiceLines invoiceId={invoice.id} />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {invoice.state === "open" || invoice.state === "partially_paid" ? (
                <PayInvoiceButton invoice={invoice} />
              ) : null}
              <a
                className={buttonClasses({ variant: "secondary", size: "sm" })}
                href={services.invoices.pdfPath(invoice.id)}
                download
              >
                {t("invoices.downloadPdf")}
              </a>
              {invoice.paidMinor > 0 ? (
                <a
                  className={buttonClasses({ variant: "ghost", size: "sm" })}
                  href={services.invoices.pdfPath(invoice.id, "receipt")}
                  download
                >
                  {t("invoices.downloadReceipt")}
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    );
  else if (invoices.error) body = <QueryError query={invoices} />;
  return <Card title={t("invoices.title")}>{body}</Card>;
}
