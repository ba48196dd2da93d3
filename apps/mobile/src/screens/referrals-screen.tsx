import { useProfile, useReferralStats, useReferrals } from "@referral-app/api-client/react";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { OutboxStatus } from "../components/outbox-status";
import { ReferralForm } from "../components/referral-form";
import { ReferralList } from "../components/referral-list";
import { ReferralStatsCard } from "../components/referral-stats-card";
import { Screen } from "../components/screen";
import { ShareCodeCard } from "../components/share-code-card";
import { useOutbox } from "../offline/outbox-context";

export interface ReferralsScreenProps {
  webHost: string;
  onOpenReferral: (id: string) => void;
}

export function ReferralsScreen({ webHost, onOpenReferral }: ReferralsScreenProps) {
  const { t } = useTranslation();
  const profile = useProfile();
  const referrals = useReferrals({ limit: 50 });
  const stats = useReferralStats();
  const { flush } = useOutbox();
  const refresh = () => {
    void flush();
    void referrals.refetch();
    void stats.refetch();
  };

  return (
    <Screen refreshing={referrals.isRefetching} onRefresh={refresh}>
      <AppText variant="title" accessibilityRole="header">
        {t("tabs.referrals")}
      </AppText>
      <ReferralForm />
      <OutboxStatus />
      {stats.data ? <ReferralStatsCard stats={stats.data} /> : null}
      {profile.data ? <ShareCodeCard code={profile.data.referralCode} webHost={webHost} /> : null}
      {referrals.data ? <ReferralList referrals={referrals.data.data} onOpen={onOpenReferral} /> : null}
    </Screen>
  );
}
