import { isApiError } from "@referral-app/api-client/errors";
import { useCase, useCaseNotes, useCaseTasks } from "@referral-app/api-client/react";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { CaseDocumentsCard } from "../documents/case-documents.tsx";
import { CaseInvoicesCard } from "../invoices/case-invoices-card.tsx";
import { CaseDetails, ConsultantCard } from "./case-details.tsx";
import { CaseStateBadge } from "./case-outcome-badge.tsx";
import { CaseStages } from "./case-stages.tsx";
import { CaseTimelineCard } from "./case-timeline.tsx";
import { QueryError } from "./query-error.tsx";
import { TaskList } from "./task-list.tsx";

function NotesCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notes = useCaseNotes(caseId);
  let body = <SkeletonList label={t("app.loading")} lines={2} />;
  if (notes.data?.length === 0) body = <p className="text-sm text-muted">{t("cases.notes.empty")}</p>;
  else if (notes.data)
    body = (
      <ul className="space-y-4">
        {notes.data.map((note) => (
          <li key={note.id} className="rounded-lg bg-subtle p-3 text-sm">
            <p className="whitespace-pre-line">{note.body}</p>
            <p className="mt-2 text-xs text-muted">
              {t("cases.notes.by", {
                name: note.authorName ?? t("cases.consultant.title"),
                date: format.date(note.createdAt),
              })}
            </p>
          </li>
        ))}
      </ul>
    );
  else if (notes.error) body = <QueryError query={notes} />;
  return <Card title={t("cases.notes.title")}>{body}</Card>;
}

function TasksCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const tasks = useCaseTasks(caseId);
  let body = <SkeletonList label={t("app.loading")} lines={2} />;
  if (tasks.data?.length === 0) body = <p className="text-sm text-muted">{t("cases.tasks.empty")}</p>;
  else if (tasks.data) body = <TaskList tasks={tasks.data} />;
  else if (tasks.error) body = <QueryError query={tasks} />;
  return <Card title={t("cases.tasks.caseTitle")}>{body}</Card>;
}

function CaseBody({ visaCase }: { visaCase: VisaCase }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("cases.number", { number: visaCase.number })} />
      <div className="space-y-2">
        <Link to="/cases" className="text-sm font-medium text-brand underline-offset-2 hover:underline">
          {t("cases.backToCases")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("cases.number", { number: visaCase.number })}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <CaseStateBadge visaCase={visaCase} />
          {visaCase.closed ? <span className="text-muted">{t("cases.closed")}</span> : null}
        </div>
      </div>
      <Card title={t("cases.stagesTitle")}>
        <CaseStages stages={visaCase.stages} />
        {visaCase.closed ? null : (
          <div className="mt-6 rounded-lg bg-brand-soft p-4">
            <h3 className="text-sm font-semibold">{t("visa.nextTitle")}</h3>
            <p className="mt-1 text-sm">{t(`visa.next.${visaCase.currentStage}`)}</p>
          </div>
        )}
      </Card>
      {/* Two columns on wide screens; documents, invoices and messages join the main column later. */}
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <div className="space-y-6 lg:col-span-2">
          <CaseDocumentsCard caseId={visaCase.id} />
          <TasksCard caseId={visaCase.id} />
          <CaseInvoicesCard caseId={visaCase.id} />
          <NotesCard caseId={visaCase.id} />
          <CaseTimelineCard caseId={visaCase.id} />
        </div>
        <div className="space-y-6">
          <ConsultantCard visaCase={visaCase} />
          <CaseDetails visaCase={visaCase} />
        </div>
      </div>
    </>
  );
}

/** One case: stages with dates, the consultant, documents, tasks, invoices, notes and its timeline. */
export function Component() {
  const { t } = useTranslation();
  const { id } = useParams();
  const visaCase = useCase(id);
  let body = <SkeletonList label={t("app.loading")} />;
  if (visaCase.data) body = <CaseBody visaCase={visaCase.data} />;
  else if (isApiError(visaCase.error) && visaCase.error.status === 404)
    body = (
      <>
        <PageTitle title={t("cases.notFoundTitle")} />
        <h1 className="sr-only">{t("cases.notFoundTitle")}</h1>
        <EmptyState
          title={t("cases.notFoundTitle")}
          description={t("cases.notFoundBody")}
          action={
            <Link to="/cases" className="font-medium text-brand underline-offset-2 hover:underline">
              {t("cases.backToCases")}
            </Link>
          }
        />
      </>
    );
  else if (visaCase.error) body = <QueryError query={visaCase} />;
  return <div className="space-y-6">{body}</div>;
}
