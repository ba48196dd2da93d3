import { isApiError } from "@referral-app/api-client/errors";
import { useVisaProgress } from "@referral-app/api-client/react";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { FormMessage } from "@referral-app/ui/form";
import { ProgressBar, type ProgressStep } from "@referral-app/ui/progress-bar";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";

function useSteps(progress: VisaProgress): ProgressStep[] {
  const { t } = useTranslation();
  const format = useFormat();
  return progress.stages.map((stage) => ({
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
}

function VisaProgressBody({ progress }: { progress: VisaProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const steps = useSteps(progress);
  return (
    <div className="space-y-6">
      <ProgressBar
        steps={steps}
        label={t("visa.progressLabel")}
        statusLabels={{
          completed: t("visa.state.completed"),
          current: t("visa.state.current"),
          upcoming: t("visa.state.upcoming"),
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span>{t("visa.percent", { percent: Math.round(progress.percentComplete) })}</span>
        <span>{t("visa.updated", { time: format.relative(progress.updatedAt) })}</span>
      </div>
      <div className="rounded-lg bg-brand-soft p-4">
        <h3 className="text-sm font-semibold">{t("visa.nextTitle")}</h3>
        <p className="mt-1 text-sm">{t(`visa.next.${progress.currentStage}`)}</p>
      </div>
    </div>
  );
}

export function VisaProgressCard() {
  const { t } = useTranslation();
  const progress = useVisaProgress();
  let body = <SkeletonList label={t("app.loading")} />;
  if (progress.data) body = <VisaProgressBody progress={progress.data} />;
  else if (isApiError(progress.error) && progress.error.status === 404)
    body = <EmptyState title={t("visa.title")} description={t("visa.noCase")} />;
  else if (progress.error)
    body = (
      <div className="space-y-3">
        <FormMessage>{apiErrorMessage(progress.error, t)}</FormMessage>
        <Button variant="secondary" size="sm" onClick={() => progress.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  return <Card title={t("visa.title")}>{body}</Card>;
}
