import { useCredit, useRewardPreference, useSetRewardPreference } from "@referral-app/api-client/react";
import type { RewardMethod } from "@referral-app/shared/schemas/rewards";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** How the referrer takes rewards (credit needs the disclosure accepted), the balance and its history. */
export function CreditCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const credit = useCredit();
  const preference = useRewardPreference();
  const save = useSetRewardPreference();
  const [choice, setChoice] = useState<RewardMethod | null>(null);
  const [accepted, setAccepted] = useState(false);
  const ids = { group: useId(), disclosure: useId() };
  if (!credit.data || !preference.data)
    return (
      <Card title={t("credit.title")}>
        <SkeletonList label={t("app.loading")} lines={2} />
      </Card>
    );
  const method = choice ?? preference.data.method;
  const needsDisclosure = method === "credit" && preference.data.method !== "credit";
  const submit = () =>
    save.mutate(
      method === "credit" ? { method, disclosureVersion: preference.data.disclosure.version } : { method },
      { onSuccess: () => setChoice(null) },
    );
  return (
    <Card title={t("credit.title")}>
      <div className="space-y-4 text-sm">
        {credit.data.balances.length === 0 ? (
          <p className="text-muted">{t("credit.none")}</p>
        ) : (
          <ul className="space-y-1">
            {credit.data.balances.map((balance) => (
              <li key={balance.currency}>
                {t("credit.balance", {
                  available: format.money(balance.availableMinor, balance.currency),
                  pending: format.money(balance.pendingMinor, balance.currency),
                  used: format.money(balance.creditedMinor, balance.currency),
                })}
              </li>
            ))}
          </ul>
        )}
        <fieldset aria-labelledby={ids.group} className="space-y-2">
          <legend id={ids.group} className="font-medium">
            {t("credit.howTitle")}
          </legend>
          {(["cash", "credit"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input
                type="radio"
                name="reward-method"
                checked={method === option}
                onChange={() => setChoice(option)}
              />
              {t(`credit.methods.${option}`)}
            </label>
          ))}
        </fieldset>
        {needsDisclosure ? (
          <div className="space-y-2 rounded-lg bg-subtle p-3">
            <p id={ids.disclosure}>{preference.data.disclosure.text}</p>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={accepted}
                onChange={(event) => setAccepted(event.target.checked)}
              />
              {t("credit.accept")}
            </label>
          </div>
        ) : null}
        {choice !== null && choice !== preference.data.method ? (
          <Button size="sm" onClick={submit} loading={save.isPending} disabled={needsDisclosure && !accepted}>
            {t("credit.save")}
          </Button>
        ) : null}
        {credit.data.history.length > 0 ? (
          <ul className="space-y-1 text-muted">
            {credit.data.history.slice(0, 10).map((entry) => (
              <li key={entry.rewardId}>
                {t("credit.entry", {
                  friend: entry.friendName,
                  amount: format.money(entry.amountMinor, entry.currency),
                  status: t(`credit.statuses.${entry.status}`),
                })}
                {entry.invoiceNumber ? ` · ${t("invoices.number", { number: entry.invoiceNumber })}` : ""}
                {entry.returnedFromInvoiceNumber
                  ? ` · ${t("credit.returned", { number: entry.returnedFromInvoiceNumber })}`
                  : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
