import { useAdminClients } from "@referral-app/api-client/react/admin-hooks";
import { formatDate } from "@referral-app/app-kit/console-format";
import { VISA_STAGE_IDS, VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { AdminClient } from "@referral-app/shared/schemas/admin";
import { Button } from "@referral-app/ui/button";
import { Field, Input, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { strings } from "../../strings.ts";

export function stageName(stage: string | null): string {
  return VISA_STAGE_IDS.includes(stage as VisaStageId)
    ? strings.stages[stage as VisaStageId]
    : strings.common.none;
}

const columns: TableColumn<AdminClient>[] = [
  {
    key: "name",
    header: strings.clients.name,
    rowHeader: true,
    cell: (row) => (
      <Link to={`/clients/${row.id}`} className="font-medium text-brand underline-offset-4 hover:underline">
        <TruncatedText text={row.name} />
      </Link>
    ),
  },
  {
    key: "email",
    header: strings.clients.email,
    cell: (row) => <TruncatedText text={row.email} lines={1} />,
  },
  { key: "stage", header: strings.clients.stage, cell: (row) => stageName(row.currentStage) },
  { key: "referrals", header: strings.clients.referrals, cell: (row) => row.referrals },
  { key: "joined", header: strings.clients.joined, cell: (row) => formatDate(row.createdAt) },
];

export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const stage = (params.get("stage") || undefined) as VisaStageId | undefined;
  const [draft, setDraft] = useState(q);
  const query = useAdminClients({ q: q || undefined, stage, limit: 50 });
  const clients = query.data?.pages.flatMap((page) => page.data) ?? [];

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };

  return (
    <>
      <PageHeader title={strings.clients.title} />
      <form
        aria-label={strings.clients.searchForm}
        onSubmit={submit}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-card border border-border bg-card p-4"
      >
        <Field label={strings.clients.search} className="min-w-60 flex-1">
          <Input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
        </Field>
        <Field label={strings.clients.stage}>
          <Select value={stage ?? ""} onChange={(event) => update({ stage: event.target.value })}>
            <option value="">{strings.clients.anyStage}</option>
            {VISA_STAGES.map((item) => (
              <option key={item.id} value={item.id}>
                {strings.stages[item.id]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit">{strings.pipeline.apply}</Button>
      </form>
      <QueryState
        query={query}
        loadingLabel={strings.clients.loading}
        empty={clients.length === 0}
        emptyTitle={strings.clients.empty}
      >
        <Table columns={columns} rows={clients} rowKey={(row) => row.id} caption={strings.clients.caption} />
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      </QueryState>
    </>
  );
}
