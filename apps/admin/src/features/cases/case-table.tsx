import { formatDate } from "@referral-app/app-kit/console-format";
import type { CaseSummary } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { Link } from "react-router";
import { strings } from "../../strings.ts";

/** The stage, or the outcome in words once decided. */
export function CaseStateBadge({ visaCase }: { visaCase: CaseSummary }) {
  if (visaCase.outcome) {
    const tone =
      visaCase.outcome === "granted" ? "success" : visaCase.outcome === "refused" ? "danger" : "neutral";
    return (
      <Badge tone={tone}>
        {visaCase.decidedAt
          ? strings.cases.decided(strings.outcomes[visaCase.outcome], formatDate(visaCase.decidedAt))
          : strings.outcomes[visaCase.outcome]}
      </Badge>
    );
  }
  return <Badge tone="info">{strings.stages[visaCase.currentStage]}</Badge>;
}

export function TaskCounts({ visaCase }: { visaCase: CaseSummary }) {
  if (visaCase.openTasks === 0) return <span className="text-muted">—</span>;
  return (
    <span className={visaCase.overdueTasks ? "font-medium text-danger" : undefined}>
      {strings.cases.openTasks(visaCase.openTasks, visaCase.overdueTasks)}
    </span>
  );
}

const columns: TableColumn<CaseSummary>[] = [
  {
    key: "number",
    header: strings.cases.number,
    rowHeader: true,
    cell: (row) => (
      <div className="flex flex-col">
        <Link
          to={`/cases/${row.id}`}
          aria-label={strings.cases.open(row.number, row.client.name)}
          className="font-medium whitespace-nowrap text-brand underline-offset-4 hover:underline"
        >
          {row.number}
        </Link>
        <span className="text-xs font-normal text-muted">{row.visaType.name}</span>
      </div>
    ),
  },
  {
    key: "client",
    header: strings.cases.client,
    cell: (row) => (
      <div className="flex flex-col">
        <TruncatedText text={row.client.name} />
        <TruncatedText text={row.client.email} lines={1} className="text-xs text-muted" />
      </div>
    ),
  },
  {
    key: "stage",
    header: strings.cases.stage,
    cell: (row) => (
      <div className="flex flex-wrap gap-1">
        <CaseStateBadge visaCase={row} />
        {row.fromReferral ? <Badge tone="accent">{strings.cases.fromReferral}</Badge> : null}
      </div>
    ),
  },
  {
    key: "consultant",
    header: strings.cases.consultant,
    cell: (row) => row.consultant?.name ?? <span className="text-muted">{strings.cases.noConsultant}</span>,
  },
  { key: "tasks", header: strings.cases.tasks, cell: (row) => <TaskCounts visaCase={row} /> },
];

export function CaseTable({ cases }: { cases: readonly CaseSummary[] }) {
  return <Table columns={columns} rows={cases} rowKey={(row) => row.id} caption={strings.cases.caption} />;
}
