import { useInvoice } from "@referral-app/api-client/react";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** The invoice's lines (referral credit included) and taxes, read when the client opens them. */
export function InvoiceLines({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-1" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-brand">{t("invoices.showLines")}</summary>
      {open ? <Lines invoiceId={invoiceId} /> : null}
    </details>
  );
}

function Lines({ invoiceId }: { invoiceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const invoice = useInvoice(invoiceId);
  if (!invoice.data) return <SkeletonList label={t("app.loading")} lines={2} />;
  const money = (minor: number) => format.money(minor, invoice.data.currency);
  return (
    <ul className="mt-2 space-y-1">
      {invoice.data.lines.map((line) => (
        <li key={line.id} className="flex justify-between gap-4">
          <span>
            {line.quantity > 1 ? `${line.quantity} × ` : ""}
            {line.description}
            {line.taxRateName ? ` (${line.taxRateName})` : ""}
          </span>
          <span>{money(line.amountMinor + line.taxMinor)}</span>
        </li>
      ))}
      <li className="flex justify-between gap-4 font-medium">
        <span>{t("invoices.total")}</span>
        <span>{money(invoice.data.totalMinor)}</span>
      </li>
    </ul>
  );
}
