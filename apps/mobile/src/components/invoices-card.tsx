import { useCaseInvoices, useInvoicePdfLink, usePayInvoice } from "@referral-app/api-client/react";
import { formatCurrency, formatDate } from "@referral-app/shared/formatting";
import type { InvoiceSummary, PayInvoiceResult } from "@referral-app/shared/schemas/invoice";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Linking, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Card } from "./card";
import { Notice } from "./notice";

type Manual = Extract<PayInvoiceResult, { provider: "manual" }>;

function InvoiceRow({ invoice }: { invoice: InvoiceSummary }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const pay = usePayInvoice();
  const pdf = useInvoicePdfLink();
  const [manual, setManual] = useState<Manual | null>(null);
  const money = (minor: number) => formatCurrency(minor, invoice.currency, locale);
  const payable = invoice.state === "open" || invoice.state === "partially_paid";
  const state = invoice.overdue ? t("invoices.overdue") : t(`invoices.states.${invoice.state}`);
  return (
    <View style={{ gap: 6 }}>
      <AppText>
        {t("invoices.number", { number: invoice.number })} · {state}
      </AppText>
      <AppText variant="muted">
        {t("invoices.summary", {
          total: money(invoice.totalMinor),
          due: formatDate(invoice.dueDate, locale),
        })}
      </AppText>
      {payable ? <AppText>{t("invoices.balance", { amount: money(invoice.balanceMinor) })}</AppText> : null}
      {payable && !manual ? (
        <Button
          label={t("invoices.pay")}
          accessibilityLabel={t("invoices.payNumber", { number: invoice.number })}
          busy={pay.isPending}
          onPress={() =>
            pay.mutate(invoice.id, {
              onSuccess: (result) => {
                if (result.provider === "stripe") void Linking.openURL(result.checkoutUrl);
                else setManual(result);
              },
            })
          }
        />
      ) : null}
      {pay.isError ? <Notice tone="danger" message={t("invoices.payFailed")} /> : null}
      <Button
        variant="secondary"
        label={t("invoices.pdf")}
        accessibilityLabel={t("invoices.pdfNumber", { number: invoice.number })}
        busy={pdf.isPending}
        // The system browser has no session: it opens a signed link that works for 5 minutes.
        onPress={() =>
          pdf.mutate({ id: invoice.id }, { onSuccess: (link) => void Linking.openURL(link.url) })
        }
      />
      {pdf.isError ? <Notice tone="danger" message={t("invoices.pdfFailed")} /> : null}
      {manual ? (
        <View accessibilityLabel={t("invoices.howToPay")} style={{ gap: 4 }}>
          <AppText variant="heading">{t("invoices.howToPay")}</AppText>
          <AppText>{manual.instructions}</AppText>
          <AppText>
            {t("invoices.amountDue")}: {formatCurrency(manual.amountMinor, manual.currency, locale)}
          </AppText>
          <AppText>
            {t("invoices.quoteReference")}: {manual.reference}
          </AppText>
        </View>
      ) : null}
    </View>
  );
}

/**
 * The case's invoices with the balance, Pay (Stripe's page in the browser, or the instructions) and
 * the PDF, opened in the browser through a short-lived signed link.
 */
export function InvoicesCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const invoices = useCaseInvoices(caseId);
  return (
    <Card title={t("invoices.title")}>
      {invoices.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
      {invoices.data?.length === 0 ? <AppText variant="muted">{t("invoices.empty")}</AppText> : null}
      {invoices.data?.map((invoice) => (
        <InvoiceRow key={invoice.id} invoice={invoice} />
      ))}
    </Card>
  );
}
