import type { InvoiceSummary } from "@referral-app/shared/schemas/invoice";
import { Badge, type BadgeTone } from "@referral-app/ui/badge";
import { useTranslation } from "react-i18next";

const TONES: Record<InvoiceSummary["state"], BadgeTone> = {
  draft: "neutral",
  open: "info",
  partially_paid: "warning",
  paid: "success",
  void: "neutral",
  refunded: "neutral",
};

/** The invoice's state in words; overdue (derived from the due date) wins over open. */
export function InvoiceStateBadge({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  if (invoice.overdue) return <Badge tone="danger">{t("invoices.overdue")}</Badge>;
  return <Badge tone={TONES[invoice.state]}>{t(`invoices.states.${invoice.state}`)}</Badge>;
}
