import { useCase, useCases, useMyOpenTasks } from "@referral-app/api-client/react";
import type { CaseSummary } from "@referral-app/shared/schemas/case";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { Skeleton, SkeletonList, SkeletonText } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/use-format.ts";
import { CaseStateBadge } from "../cases/case-outcome-badge.tsx";
import { CaseStages, CaseStagesPlaceholder } from "../cases/case-stages.tsx";
import { QueryError } from "../cases/query-error.tsx";
import { TaskList } from "../cases/task-list.tsx";

/** The primary case is the most recent open one (as the server's visa-progress means it). */
export function primaryCase(cases: CaseSummary[]): CaseSummary | undefined {
  const newest = [...cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return newest.find((visaCase) => !visaCase.closed) ?? newest[0];
}

function PrimaryCaseBody({ summary, count }: { summary: CaseSummary; count: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useCase(summary.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">{summary.visaType.name}</p>
          <p className="text-sm text-muted">{t("cases.number", { number: summary.number })}</p>
        </div>
        <CaseStateBadge visaCase={summary} />
      </div>
      {detail.data ? (
        <CaseStages stages={detail.data.stages} />
      ) : (
        <CaseStagesPlaceholder currentStage={summary.currentStage} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span>{t("visa.percent", { percent: Math.round(summary.percentComplete) })}</span>
        <span>{t("visa.updated", { time: format.relative(summary.updatedAt) })}</span>
      </div>
      {summary.closed ? null : (
        <div className="rounded-lg bg-brand-soft p-4">
          <h3 className="text-sm font-semibold">{t("visa.nextTitle")}</h3>
          <p className="mt-1 text-sm">{t(`visa.next.${summary.currentStage}`)}</p>
        </div>
      )}
      <div className="flex flex-wrap gap-3">
        <Link to={`/cases/${summary.id}`} className={buttonClasses({ size: "sm" })}>
          {t("cases.primary.open")}
        </Link>
        {count > 1 ? (
          <Link to="/cases" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("cases.primary.seeAll", { count })}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The case body's lines before the cases arrive, so the card opens at about its final height: on a
 * phone it is the whole first screen, and anything it grew by would push the rest down.
 */
function PrimaryCaseSkeleton() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{t("app.loading")}</span>
      <div aria-hidden="true">
        <p className="font-medium">
          <SkeletonText className="w-40" />
        </p>
        <p className="text-sm">
          <SkeletonText className="w-32" />
        </p>
      </div>
      <div aria-hidden="true">
        <CaseStagesPlaceholder />
      </div>
      <p aria-hidden="true" className="text-sm">
        <SkeletonText className="w-full" />
      </p>
      <div aria-hidden="true" className="rounded-lg bg-subtle p-4 text-sm">
        <p className="font-semibold">
          <SkeletonText className="w-32" />
        </p>
        <p className="mt-1">
          <SkeletonText className="w-full" />
          <br />
          <SkeletonText className="w-2/3" />
        </p>
      </div>
      <Skeleton className="h-8 w-32" />
    </div>
  );
}

export function PrimaryCaseCard() {
  const { t } = useTranslation();
  const cases = useCases();
  const primary = cases.data ? primaryCase(cases.data) : undefined;
  let body = <PrimaryCaseSkeleton />;
  if (primary) body = <PrimaryCaseBody summary={primary} count={cases.data?.length ?? 0} />;
  else if (cases.data) body = <EmptyState title={t("cases.emptyTitle")} description={t("visa.noCase")} />;
  else if (cases.error) body = <QueryError query={cases} />;
  return <Card title={t("visa.title")}>{body}</Card>;
}

/** The user's open tasks across their cases, each with its "Mark as done" button. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const tasks = useMyOpenTasks();
  let body = <SkeletonList label={t("app.loading")} lines={2} />;
  if (tasks.data?.length === 0)
    body = <p className="text-sm text-muted">{t("cases.tasks.dashboardEmpty")}</p>;
  else if (tasks.data) body = <TaskList tasks={tasks.data} showCase />;
  else if (tasks.error) body = <QueryError query={tasks} />;
  return <Card title={t("cases.tasks.title")}>{body}</Card>;
}
