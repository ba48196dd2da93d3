import {
  useMyOpenTasks,
  useProfile,
  useReferralStats,
  useVisaProgress,
} from "@referral-app/api-client/react";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { Card } from "../components/card";
import { Notice } from "../components/notice";
import { ReferralStatsCard } from "../components/referral-stats-card";
import { Screen } from "../components/screen";
import { StageProgress } from "../components/stage-progress";
import { TaskRow } from "../components/task-row";
import { useTheme } from "../theme/theme-context";

export interface DashboardScreenProps {
  /** Opens the referral form (the Referrals tab). */
  onRefer?: () => void;
  /** Opens the Cases tab. */
  onOpenCases?: () => void;
}

/** What the consultancy does next at the client's current stage. */
function NextStep({ stage }: { stage: VisaProgress["currentStage"] }) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  return (
    <View
      accessible
      style={[styles.next, { backgroundColor: palette.background, borderColor: palette.primary }]}
    >
      <AppText variant="heading">{t("dashboard.nextTitle")}</AppText>
      <AppText>{t(`dashboard.next.${stage}`)}</AppText>
    </View>
  );
}

/** My primary case (stages with dates, what happens next), my open tasks and my referral rewards. */
export function DashboardScreen({ onRefer, onOpenCases }: DashboardScreenProps) {
  const { t } = useTranslation();
  const profile = useProfile();
  const progress = useVisaProgress();
  const stats = useReferralStats();
  const tasks = useMyOpenTasks();
  const refresh = () => {
    void tasks.refetch();
    void profile.refetch();
    void progress.refetch();
    void stats.refetch();
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
            <NextStep stage={progress.data.currentStage} />
            {onOpenCases ? (
              <Button variant="secondary" label={t("cases.openYourCase")} onPress={onOpenCases} />
            ) : null}
          </>
        ) : null}
      </Card>
      <Card title={t("cases.tasks")}>
        {tasks.data?.length === 0 ? <AppText variant="muted">{t("cases.noOpenTasks")}</AppText> : null}
        {tasks.data?.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </Card>
      {stats.data ? <ReferralStatsCard stats={stats.data} /> : null}
      {onRefer ? <Button label={t("dashboard.referCta")} onPress={onRefer} /> : null}
    </Screen>
  );
}

const styles = StyleSheet.create({
  next: { borderLeftWidth: 4, borderRadius: 8, padding: 12, gap: 4 },
});
