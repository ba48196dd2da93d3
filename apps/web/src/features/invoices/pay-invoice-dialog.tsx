import { usePayInvoice } from "@referral-app/api-client/react";
import type { InvoiceSummary, PayInvoiceResult } from "@referral-app/shared/schemas/invoice";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** Pay: a hosted card page (Stripe) opens, or the manual gateway's instructions show here. */
export function PayInvoiceButton({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const pay = usePayInvoice();
  const [manual, setManual] = useState<Extract<PayInvoiceResult, { provider: "manual" }> | null>(null);
  const start = () =>
    pay.mutate(invoice.id, {
      onSuccess: (result) => {
        if (result.provider === "stripe") window.location.assign(result.checkoutUrl);
        else setManual(result);
      },
    });
  return (
    <>
      <Button size="sm" onClick={start} loading={pay.isPending}>
        {t("invoices.pay")}
      </Button>
      {pay.error ? (
        <p role="alert" className="text-sm text-danger">
          {t("invoices.payFailed")}
        </p>
      ) : null}
      <Dialog
        open={manual !== null}
        onOpenChange={(open) => (open ? null : setManual(null))}
        title={t("invoices.howToPay")}
        closeLabel={t("common.close")}
      >
        {manual ? (
          <div className="space-y-3 text-sm">
            <p className="whitespace-pre-line">{manual.instructions}</p>
            <p>
              {t("invoices.amountDue")}: <strong>{format.money(manual.amountMinor, manual.currency)}</strong>
            </p>
            <p>
              {t("invoices.quoteReference")}: <strong>{manual.reference}</strong>
            </p>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
