import { useReferral } from "@referral-app/api-client/react";
import { formatCurrency, formatDate, formatDateTime } from "@referral-app/shared/formatting";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Card } from "../components/card";
import { FriendProgressText } from "../components/friend-progress-text";
import { Notice } from "../components/notice";
import { rewardStatusWords } from "../components/reward-words";
import { Screen } from "../components/screen";
import { StatusBadge } from "../components/status-badge";
import { localeFor } from "../i18n/i18n";

/** One referral: when we will contact the friend while pending, and its status history, newest first. */
export function ReferralDetailScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const referral = useReferral(id);
  const locale = localeFor(i18n.language);
  if (referral.isError) return <Notice tone="danger" message={referral.error.message} />;
  if (!referral.data) return <AppText variant="muted">{t("common.loading")}</AppText>;
  const { data } = referral;
  return (
    <Screen refreshing={referral.isRefetching} onRefresh={() => void referral.refetch()}>
      <AppText variant="title" accessibilityRole="header">
        {data.fullName}
      </AppText>
      <AppText variant="muted">{data.email}</AppText>
      <StatusBadge status={data.status} />
      <FriendProgressText referral={data} />
      {data.status === "pending" ? (
        <AppText>
          {data.contactOverdue
            ? t("referrals.contactOverdue")
            : t("referrals.contactBy", {
                name: data.fullName.split(" ")[0],
                date: formatDate(data.contactBy, locale, { weekday: "long", day: "numeric", month: "long" }),
              })}
        </AppText>
      ) : null}
      {data.reward ? (
        <AppText>
          {t("referrals.rewardLine", {
            amount: formatCurrency(data.reward.amountMinor, data.reward.currency, locale),
            status: rewardStatusWords(data.reward, t, locale),
          })}
        </AppText>
      ) : null}
      <Card title={t("referrals.history")}>
        {[...data.history].reverse().map((change) => (
          <AppText key={change.id}>
            {t("referrals.statusChange", {
              status: t(`referrals.status.${change.toStatus}`),
              date: formatDateTime(change.createdAt, locale),
            })}
            {change.messageToReferrer ? ` — ${change.messageToReferrer}` : ""}
          </AppText>
        ))}
      </Card>
    </Screen>
  );
}
