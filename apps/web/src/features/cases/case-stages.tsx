import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { ProgressBar, type ProgressStep } from "@referral-app/ui/progress-bar";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** A case's five stages with the date each was finished or started. */
export function CaseStages({ stages, orientation }: { stages: VisaStage[]; orientation?: "vertical" }) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps: ProgressStep[] = stages.map((stage) => ({
    id: stage.id,
    label: t(`visa.stages.${stage.id}`),
    status: stage.status,
    detail:
      stage.status === "completed" && stage.completedAt
        ? format.date(stage.completedAt)
        : stage.status === "current" && stage.startedAt
          ? t("visa.startedOn", { date: format.date(stage.startedAt) })
          : undefined,
  }));
  return (
    <ProgressBar
      steps={steps}
      orientation={orientation}
      label={t("visa.progressLabel")}
      statusLabels={{
        completed: t("visa.state.completed"),
        current: t("visa.state.current"),
        upcoming: t("visa.state.upcoming"),
      }}
    />
  );
}
