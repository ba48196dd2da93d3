import { useAuditLog } from "@referral-app/api-client/react/admin-ops-hooks";
import { formatDateTime } from "@referral-app/shared/formatting";
import type { AuditEntry } from "@referral-app/shared/schemas/audit";
import { Field, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useSearchParams } from "react-router";
import { strings } from "../../strings.ts";

const ENTITY_TYPES = Object.keys(strings.audit.entityTypes);
const actionWords = (action: string) => strings.audit.actions[action] ?? strings.audit.humanize(action);
const entityWords = (type: string) => strings.audit.entityTypes[type] ?? strings.audit.humanize(type);

function describeChange(entry: AuditEntry): string {
  const keys = new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]);
  return [...keys]
    .map(
      (key) =>
        `${key}: ${JSON.stringify(entry.before?.[key] ?? null)} → ${JSON.stringify(entry.after?.[key] ?? null)}`,
    )
    .join("; ");
}

const columns: TableColumn<AuditEntry>[] = [
  {
    key: "when",
    header: strings.audit.when,
    rowHeader: true,
    cell: (row) => <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>,
  },
  {
    key: "actor",
    header: strings.audit.actor,
    cell: (row) => row.actorName ?? row.actorEmail ?? strings.audit.system,
  },
  {
    key: "action",
    header: strings.audit.action,
    cell: (row) => actionWords(row.action),
  },
  {
    key: "what",
    header: strings.audit.what,
    cell: (row) => `${entityWords(row.entityType)} ${row.entityId}`,
  },
  {
    key: "change",
    header: strings.audit.change,
    cell: (row) => (
      <span className="block max-w-md break-words text-xs text-muted">{describeChange(row)}</span>
    ),
  },
];

export function Component() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get("entityType") || undefined;
  const log = useAuditLog({ entityType, limit: 50 });
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];
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
