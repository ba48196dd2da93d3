import { useProfile, useVisaProgress } from "@referral-app/api-client/react";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Card } from "../components/card";
import { Notice } from "../components/notice";
import { Screen } from "../components/screen";
import { StageProgress } from "../components/stage-progress";

export function DashboardScreen() {
  const { t } = useTranslation();
  const profile = useProfile();
  const progress = useVisaProgress();
  const refresh = () => {
    void profile.refetch();
    void progress.refetch();
  };

  return (
    <Screen refreshing={progress.isRefetching} onRefresh={refresh}>
      <AppText variant="title" accessibilityRole="header">
        {profile.data ? t("dashboard.greeting", { name: profile.data.name }) : t("tabs.dashboard")}
      </AppText>
      <Card title={t("dashboard.visaProgress")}>
        {progress.isPending ? <AppText variant="muted">{t("common.loading")}</AppText> : null}
        {progress.isError ? <Notice tone="danger" message={progress.error.message} /> : null}
        {progress.data ? (
          <>
            <AppText variant="muted">
              {t("dashboard.percentComplete", { percent: Math.round(progress.data.percentComplete) })}
            </AppText>
            <StageProgress stages={progress.data.stages} />
          </>
        ) : null}
      </Card>
    </Screen>
  );
}
