import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { ProgressBar, type ProgressStep } from "@referral-app/ui/progress-bar";
import { SkeletonText } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

function useStatusLabels() {
  const { t } = useTranslation();
  return {
    completed: t("visa.state.completed"),
    current: t("visa.state.current"),
    upcoming: t("visa.state.upcoming"),
  };
}

/** A case's five stages with the date each was finished or started. */
export function CaseStages({ stages, orientation }: { stages: VisaStage[]; orientation?: "vertical" }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statusLabels = useStatusLabels();
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
      statusLabels={statusLabels}
    />
  );
}

/** Blank status lines: before the case is known no stage claims a state, yet each line keeps its height. */
const UNKNOWN_STATUS = { completed: "\u00a0", current: "\u00a0", upcoming: "\u00a0" };
// Before the case is known it is guessed mid-way (the rows up to the current one carry a date line).
const GUESSED_CURRENT = 2;

/**
 * The five stages while their dates load, from what the case summary says (the current stage; the
 * ones before it are done), or from nothing yet: each row has the lines it will have (or, unknown, is
 * at most two date lines off), so the dates fill in without moving what is below.
 */
export function CaseStagesPlaceholder({ currentStage }: { currentStage?: VisaStageId }) {
  const { t } = useTranslation();
  const statusLabels = useStatusLabels();
  const current = currentStage ? VISA_STAGE_IDS.indexOf(currentStage) : undefined;
  const steps: ProgressStep[] = VISA_STAGE_IDS.map((id, index) => {
    const status =
      current === undefined || index > current ? "upcoming" : index < current ? "completed" : "current";
    const dated = index <= (current ?? GUESSED_CURRENT);
    return {
      id,
      label: t(`visa.stages.${id}`),
      status,
      detail: dated ? <SkeletonText className="w-28" /> : undefined,
    };
  });
  return (
    <ProgressBar
      steps={steps}
      label={t("visa.progressLabel")}
      statusLabels={current === undefined ? UNKNOWN_STATUS : statusLabels}
    />
  );
}
