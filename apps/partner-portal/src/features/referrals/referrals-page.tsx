import { usePartnerOverview, usePartnerReferrals } from "@referral-app/api-client/react/partner-hooks";
import { formatDate } from "@referral-app/app-kit/console-format";
import { REFERRAL_STATUS_VALUES, type ReferralStatus } from "@referral-app/shared/constants";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { StatusBadge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Field, Input, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { strings } from "../../strings.ts";
import { FriendProgress } from "./friend-progress.tsx";
import { ReferralDetailDialog } from "./referral-detail-dialog.tsx";

function Overview() {
  const overview = usePartnerOverview();
  const data = overview.data;
  if (!data) return null;
  return (
    <dl className="mb-6 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      <div className="rounded-card border border-border bg-card p-3">
        <dt className="text-xs text-muted">{strings.referrals.total}</dt>
        <dd className="text-xl font-semibold">{data.referrals.total}</dd>
      </div>
      {REFERRAL_STATUS_VALUES.map((status) => (
        <div key={status} className="rounded-card border border-border bg-card p-3">
          <dt className="text-xs text-muted">{strings.statuses[status]}</dt>
          <dd className="text-xl font-semibold">{data.referrals.byStatus[status]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const status = (params.get("status") || undefined) as ReferralStatus | undefined;
  const [draft, setDraft] = useState(q);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = usePartnerReferrals({ q: q || undefined, status, limit: 50 });
  const referrals = query.data?.pages.flatMap((page) => page.data) ?? [];
  const update = (patch: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };
  const columns: TableColumn<Referral>[] = [
    {
      key: "name",
      header: strings.referrals.name,
      rowHeader: true,
      cell: (row) => (
        <button
          type="button"
          aria-label={strings.referrals.open(row.fullName)}
          onClick={() => setOpenId(row.id)}
          className="text-left font-medium text-brand underline-offset-4 hover:underline"
        >
          <TruncatedText text={row.fullName} />
        </button>
      ),
    },
    {
      key: "email",
      header: strings.referrals.email,
      cell: (row) => <TruncatedText text={row.email} lines={1} />,
    },
    {
      key: "status",
      header: strings.referrals.status,
      cell: (row) => (
        <span className="flex flex-col items-start gap-1">
          <StatusBadge status={row.status} label={strings.statuses[row.status]} />
          <FriendProgress referral={row} />
        </span>
      ),
    },
    { key: "created", header: strings.referrals.created, cell: (row) => formatDate(row.createdAt) },
  ];

  return (
    <>
      <PageHeader title={strings.referrals.title} />
      <Overview />
      <form
        onSubmit={submit}
        aria-label={strings.referrals.searchForm}
        className="mb-4 flex flex-wrap items-end gap-3 rounded-card border border-border bg-card p-4"
      >
        <Field label={strings.referrals.search} className="min-w-60 flex-1">
          <Input type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
        </Field>
        <Field label={strings.referrals.status}>
          <Select value={status ?? ""} onChange={(event) => update({ status: event.target.value })}>
            <option value="">{strings.common.all}</option>
            {REFERRAL_STATUS_VALUES.map((value) => (
              <option key={value} value={value}>
                {strings.statuses[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit">{strings.referrals.apply}</Button>
      </form>
      <QueryState
        query={query}
        loadingLabel={strings.referrals.loading}
        empty={referrals.length === 0}
        emptyTitle={strings.referrals.empty}
      >
        <Table
          columns={columns}
          rows={referrals}
          rowKey={(row) => row.id}
          caption={strings.referrals.caption}
        />
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      </QueryState>
      <ReferralDetailDialog id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
