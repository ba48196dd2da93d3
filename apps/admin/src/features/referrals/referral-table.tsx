import { formatDate } from "@referral-app/app-kit/console-format";
import type { AdminReferral } from "@referral-app/shared/schemas/admin";
import { Badge, StatusBadge } from "@referral-app/ui/badge";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { strings } from "../../strings.ts";
import { ageInDays } from "./pipeline-filters.ts";

export interface Selection {
  selected: ReadonlyMap<string, AdminReferral>;
  toggle: (referral: AdminReferral) => void;
  setAll: (referrals: readonly AdminReferral[], on: boolean) => void;
}

export function OverdueBadge() {
  return (
    <Badge tone="danger" title={strings.pipeline.overdueHint}>
      {strings.pipeline.overdue}
      <span className="sr-only">: {strings.pipeline.overdueHint}</span>
    </Badge>
  );
}

export function ReferralTable({
  referrals,
  selection,
  onOpen,
}: {
  referrals: readonly AdminReferral[];
  selection: Selection;
  onOpen: (id: string) => void;
}) {
  const allSelected = referrals.length > 0 && referrals.every((item) => selection.selected.has(item.id));
  const columns: TableColumn<AdminReferral>[] = [
    {
      key: "select",
      cardLabel: false,
      className: "w-10",
      header: (
        <input
          type="checkbox"
          aria-label={strings.pipeline.selectAll}
          checked={allSelected}
          onChange={(event) => selection.setAll(referrals, event.target.checked)}
          className="size-4 accent-brand"
        />
      ),
      cell: (row) => (
        <input
          type="checkbox"
          aria-label={strings.pipeline.select(row.fullName)}
          checked={selection.selected.has(row.id)}
          onChange={() => selection.toggle(row)}
          className="size-4 accent-brand"
        />
      ),
    },
    {
      key: "name",
      header: strings.pipeline.name,
      rowHeader: true,
      cell: (row) => (
        <div className="flex flex-col">
          <button
            type="button"
            onClick={() => onOpen(row.id)}
            aria-label={strings.pipeline.open(row.fullName)}
            className="text-left font-medium text-brand underline-offset-4 hover:underline"
          >
            <TruncatedText text={row.fullName} />
          </button>
          <TruncatedText text={row.email} lines={1} className="text-xs font-normal text-muted" />
        </div>
      ),
    },
    {
      key: "status",
      header: strings.pipeline.status,
      cell: (row) => (
        <div className="flex flex-wrap gap-1">
          <StatusBadge status={row.status} label={strings.statuses[row.status]} />
          {row.overdue ? <OverdueBadge /> : null}
        </div>
      ),
    },
    {
      key: "referrer",
      header: strings.pipeline.referrer,
      cell: (row) => (
        <div className="flex flex-col">
          <TruncatedText text={row.referrerName} />
          <TruncatedText text={row.referrerEmail} lines={1} className="text-xs text-muted" />
        </div>
      ),
    },
    {
      key: "age",
      header: strings.pipeline.age,
      cell: (row) => strings.pipeline.days(ageInDays(row.createdAt)),
    },
    { key: "created", header: strings.pipeline.created, cell: (row) => formatDate(row.createdAt) },
  ];
  return (
    <Table columns={columns} rows={referrals} rowKey={(row) => row.id} caption={strings.pipeline.caption} />
  );
}
