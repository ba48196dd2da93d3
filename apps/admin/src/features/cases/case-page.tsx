import { isApiError } from "@referral-app/api-client/errors";
import { useCase, useCaseNotes, useCaseTasks, useCaseTimeline } from "@referral-app/api-client/react";
import { formatCountry, formatDate } from "@referral-app/app-kit/console-format";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { FormMessage } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { ProgressBar } from "@referral-app/ui/progress-bar";
import { ErrorState, QueryState } from "@referral-app/ui/query-state";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { Link, useParams } from "react-router";
import { strings } from "../../strings.ts";
import { CaseInvoicesPanel } from "../invoices/case-invoices-panel.tsx";
import { CaseMessagesCard } from "../messages/case-messages-card.tsx";
import { AssignmentForm, OutcomeForm, ReopenDialog } from "./case-actions.tsx";
import { CaseDocumentsReview } from "./case-documents-review.tsx";
import { NoteForm, StaffTaskList, TaskForm } from "./case-notes-tasks.tsx";
import { CaseStateBadge } from "./case-table.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { StageForm } from "./stage-form.tsx";

function Details({ visaCase }: { visaCase: VisaCase }) {
  const rows: [string, string][] = [
    [strings.case.client, `${visaCase.client.name} (${visaCase.client.email})`],
    [strings.case.visaType, visaCase.visaType.name],
    [
      strings.case.destination,
      visaCase.destinationCountry ? formatCountry(visaCase.destinationCountry) : strings.case.none,
    ],
    [strings.case.targetDate, visaCase.targetDate ? formatDate(visaCase.targetDate) : strings.case.none],
  ];
  return (
    <Card title={strings.case.details}>
      <dl className="space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-muted">{label}</dt>
            <dd className="font-medium break-words">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 text-sm font-semibold">{strings.case.applicants}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {visaCase.applicants.map((applicant) => (
          <li key={applicant.id}>
            {applicant.fullName}
            <span className="text-muted">
              {" · "}
              {applicant.relationship
                ? strings.relationships[applicant.relationship]
                : strings.case.principal}
              {applicant.dateOfBirth ? ` · ${formatDate(applicant.dateOfBirth)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Timeline({ caseId }: { caseId: string }) {
  const timeline = useCaseTimeline(caseId);
  const notes = useCaseNotes(caseId);
  return (
    <Card title={strings.case.timeline}>
      <QueryState query={timeline} loadingLabel={strings.app.loading}>
        <CaseTimeline entries={timeline.data ?? []} notes={notes.data ?? []} />
      </QueryState>
    </Card>
  );
}

function Tasks({ visaCase }: { visaCase: VisaCase }) {
  const tasks = useCaseTasks(visaCase.id);
  return (
    <Card title={strings.case.tasks}>
      <QueryState query={tasks} loadingLabel={strings.app.loading}>
        <StaffTaskList tasks={tasks.data ?? []} closed={visaCase.closed} />
      </QueryState>
      {visaCase.closed ? null : (
        <div className="mt-4 border-t border-border pt-4">
          <h3 className="mb-3 text-sm font-semibold">{strings.case.addTask}</h3>
          <TaskForm visaCase={visaCase} />
        </div>
      )}
    </Card>
  );
}

function CaseBody({ visaCase }: { visaCase: VisaCase }) {
  const steps = visaCase.stages.map((stage) => ({
    id: stage.id,
    label: strings.stages[stage.id],
    status: stage.status,
    detail: stage.completedAt
      ? formatDate(stage.completedAt)
      : stage.startedAt
        ? formatDate(stage.startedAt)
        : undefined,
  }));
  return (
    <>
      <Link to="/cases" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
        {strings.case.back}
      </Link>
      <PageHeader
        title={strings.case.title(visaCase.number)}
        description={<CaseStateBadge visaCase={visaCase} />}
        actions={visaCase.closed ? <ReopenDialog visaCase={visaCase} /> : null}
      />
      {visaCase.closed ? (
        <div className="mb-6">
          <FormMessage tone="info">{strings.case.closed}</FormMessage>
        </div>
      ) : null}
      <Card className="mb-6">
        <ProgressBar steps={steps} label={strings.clients.progress} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <div className="space-y-6 lg:col-span-2">
          <CaseDocumentsReview caseId={visaCase.id} />
          <Timeline caseId={visaCase.id} />
          <CaseMessagesCard caseId={visaCase.id} />
          <Tasks visaCase={visaCase} />
          <CaseInvoicesPanel caseId={visaCase.id} />
          {visaCase.closed ? null : (
            <Card title={strings.case.notes}>
              <NoteForm caseId={visaCase.id} />
            </Card>
          )}
        </div>
        <div className="space-y-6">
          <Details visaCase={visaCase} />
          {visaCase.closed ? null : (
            <>
              <Card title={strings.case.assignment}>
                <AssignmentForm visaCase={visaCase} />
              </Card>
              <Card title={strings.case.stage}>
                <StageForm visaCase={visaCase} />
              </Card>
              <Card title={strings.case.outcome}>
                <OutcomeForm visaCase={visaCase} />
              </Card>
            </>
          )}
        </div>
      </div>
    </>
  );
}

/** One case for staff: the timeline, assignment, stage moves with a note, tasks, notes and outcome. */
export function Component() {
  const { id } = useParams();
  const visaCase = useCase(id);
  if (visaCase.data) return <CaseBody visaCase={visaCase.data} />;
  if (isApiError(visaCase.error) && visaCase.error.status === 404)
    return (
      <>
        <PageHeader title={strings.case.title("")} />
        <EmptyState title={strings.case.notFound} action={<Link to="/cases">{strings.case.back}</Link>} />
      </>
    );
  if (visaCase.error) return <ErrorState error={visaCase.error} onRetry={() => void visaCase.refetch()} />;
  return <SkeletonList label={strings.app.loading} />;
}
