import { useAuditLog } from "@referral-app/api-client/react/admin-ops-hooks";
import { useStaffMembers } from "@referral-app/api-client/react/case-admin-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import type { AuditEntry } from "@referral-app/shared/schemas/audit";
import { Field, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { strings } from "../../strings.ts";
import { describeChanges, type NameOf } from "./audit-change.ts";

const ENTITY_TYPES = Object.keys(strings.audit.entityTypes);
const actionWords = (action: string) => strings.audit.actions[action] ?? strings.audit.humanize(action);
const entityWords = (type: string) => strings.audit.entityTypes[type] ?? strings.audit.humanize(type);

function Changes({ entry, nameOf }: { entry: AuditEntry; nameOf: NameOf }) {
  const changes = describeChanges(entry, nameOf);
  if (changes.length === 0) return <span className="text-xs text-muted">{strings.audit.nothingChanged}</span>;
  return (
    <ul className="max-w-md space-y-0.5 break-words text-xs text-muted">
      {changes.map((change) => (
        <li key={change}>{change}</li>
      ))}
    </ul>
  );
}

/** The record in words: a case by its number and a link to it, anything else by its kind. */
function Subject({ entry }: { entry: AuditEntry }) {
  const kind = entityWords(entry.entityType);
  const number = entry.after?.number ?? entry.before?.number;
  if (entry.entityType === "case") {
    const label = typeof number === "string" ? strings.audit.caseNumber(number) : kind;
    return (
      <Link to={`/cases/${entry.entityId}`} className="underline-offset-2 hover:underline">
        {label}
      </Link>
    );
  }
  return <>{kind}</>;
}

const columnsFor = (nameOf: NameOf): TableColumn<AuditEntry>[] => [
  {
    key: "when",
    header: strings.audit.when,
    rowHeader: true,
    cell: (row) => <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>,
  },
  {
    key: "actor",
    header: strings.audit.actor,
    cell: (row) =>
      row.actorName ??
      row.actorEmail ??
      (row.actorId ? nameOf(row.actorId) : undefined) ??
      strings.audit.system,
  },
  {
    key: "action",
    header: strings.audit.action,
    cell: (row) => actionWords(row.action),
  },
  {
    key: "what",
    header: strings.audit.what,
    cell: (row) => <Subject entry={row} />,
  },
  {
    key: "change",
    header: strings.audit.change,
    cell: (row) => <Changes entry={row} nameOf={nameOf} />,
  },
];

export function Component() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entityType") || undefined;
  const log = useAuditLog({ entityType, limit: 50 });
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];
  const staff = useStaffMembers();
  const columns = useMemo(() => {
    const names = new Map((staff.data ?? []).map((member) => [member.id, member.name]));
    return columnsFor((id) => names.get(id));
  }, [staff.data]);
  return (
    <>
      <PageHeader title={strings.audit.title} />
      <div className="mb-4">
        <Field label={strings.audit.entityType} className="w-60">
          <Select
            value={entityType ?? ""}
            onChange={(event) => setParams(event.target.value ? { entityType: event.target.value } : {})}
          >
            <option value="">{strings.common.all}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {entityWords(type)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState
        query={log}
        loadingLabel={strings.audit.loading}
        empty={entries.length === 0}
        emptyTitle={strings.audit.empty}
      >
        <Table columns={columns} rows={entries} rowKey={(row) => row.id} caption={strings.audit.caption} />
        <LoadMore
          hasNextPage={log.hasNextPage}
          isFetchingNextPage={log.isFetchingNextPage}
          fetchNextPage={log.fetchNextPage}
        />
      </QueryState>
    </>
  );
}
