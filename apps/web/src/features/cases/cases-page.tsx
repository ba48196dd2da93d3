import { useCases } from "@referral-app/api-client/react";
import type { CaseSummary } from "@referral-app/shared/schemas/case";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { CaseStateBadge } from "./case-outcome-badge.tsx";
import { QueryError } from "./query-error.tsx";

function CaseItem({ visaCase }: { visaCase: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <li>
      <Card className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h2 className="text-base font-semibold text-fg">{visaCase.visaType.name}</h2>
          <p className="text-sm text-muted">{t("cases.number", { number: visaCase.number })}</p>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <CaseStateBadge visaCase={visaCase} />
            {visaCase.openTasks > 0 ? (
              <span className="text-muted">{t("cases.openTasks", { count: visaCase.openTasks })}</span>
            ) : null}
          </div>
        </div>
        <Link
          to={`/cases/${visaCase.id}`}
          className={buttonClasses({ variant: "secondary", size: "sm" })}
          aria-label={t("cases.openCase", { number: visaCase.number })}
        >
          {t("cases.open")}
        </Link>
      </Card>
    </li>
  );
}

/** "Your cases"; with a single case there is nothing to choose, so it opens that case. */
export function Component() {
  const { t } = useTranslation();
  const cases = useCases();
  let body = <SkeletonList label={t("cases.loading")} />;
  if (cases.data?.length === 1 && cases.data[0])
    return <Navigate to={`/cases/${cases.data[0].id}`} replace />;
  if (cases.data?.length === 0)
    body = <EmptyState title={t("cases.emptyTitle")} description={t("cases.emptyBody")} />;
  else if (cases.data)
    body = (
      <ul className="space-y-4">
        {cases.data.map((visaCase) => (
          <CaseItem key={visaCase.id} visaCase={visaCase} />
        ))}
      </ul>
    );
  else if (cases.error) body = <QueryError query={cases} />;
  return (
    <div className="space-y-6">
      <PageTitle title={t("cases.title")} />
      <div>
        <h1 className="text-2xl font-semibold">{t("cases.title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("cases.subtitle")}</p>
      </div>
      {body}
    </div>
  );
}
