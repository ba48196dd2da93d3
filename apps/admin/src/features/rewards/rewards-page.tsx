import { useRewards, useRewardTotals } from "@referral-app/api-client/react/admin-hooks";
import { formatCurrency, formatDate } from "@referral-app/app-kit/console-format";
import { REWARD_STATUSES, type RewardStatus } from "@referral-app/shared/constants";
import type { RewardEntry, RewardKind } from "@referral-app/shared/schemas/rewards";
import { Badge, type BadgeTone } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { Field, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { useSearchParams } from "react-router";
import { strings } from "../../strings.ts";
import { RewardActions } from "./reward-actions.tsx";

const TONES: Record<RewardStatus, BadgeTone> = {
  pending: "warning",
  approved: "info",
  paid: "success",
  credited: "success",
  reversed: "danger",
};

const columns: TableColumn<RewardEntry>[] = [
  {
    key: "beneficiary",
    header: strings.rewards.beneficiary,
    rowHeader: true,
    cell: (row) => (
      <div className="flex flex-col">
        <TruncatedText text={row.userName} />
        <TruncatedText text={row.userEmail} lines={1} className="text-xs font-normal text-muted" />
      </div>
    ),
  },
  {
    key: "referral",
    header: strings.rewards.referral,
    cell: (row) => <TruncatedText text={row.referralName} />,
  },
  { key: "kind", header: strings.rewards.kind, cell: (row) => strings.rewards.kinds[row.kind] },
  {
    key: "amount",
    header: strings.rewards.amount,
    cell: (row) => formatCurrency(row.amountMinor, row.currency),
  },
  {
    key: "status",
    header: strings.rewards.status,
    cell: (row) => (
      <div className="flex flex-col gap-1">
        <Badge tone={TONES[row.status]}>{strings.rewardStatuses[row.status]}</Badge>
        {row.reason ? <span className="text-xs text-muted">{row.reason}</span> : null}
      </div>
    ),
  },
  { key: "available", header: strings.rewards.available, cell: (row) => formatDate(row.availableAt) },
  {
    key: "actions",
    cardLabel: false,
    header: strings.rewards.actions,
    cell: (row) => <RewardActions entry={row} />,
  },
];

function Totals({ kind }: { kind: RewardKind | undefined }) {
  const totals = useRewardTotals(kind ? { kind } : {});
  const rows = totals.data ?? [];
  const currencies = [...new Set(rows.map((row) => row.currency))];
  return (
    <Card title={strings.rewards.totals} className="mb-6">
      <QueryState
        query={totals}
        loadingLabel={strings.rewards.loading}
        empty={rows.length === 0}
        emptyTitle={strings.rewards.empty}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {currencies.flatMap((currency) =>
            REWARD_STATUSES.map((status) => {
              const total = rows.find((row) => row.currency === currency && row.status === status);
              return (
                <div key={`${currency}-${status}`} className="rounded-lg border border-border p-3">
                  <p className="text-xs text-muted">
                    {strings.rewardStatuses[status]} · {currency}
                  </p>
                  <p className="text-lg font-semibold">{formatCurrency(total?.amountMinor ?? 0, currency)}</p>
                  <p className="text-xs text-muted">{strings.rewards.count(total?.count ?? 0)}</p>
                </div>
              );
            }),
          )}
        </div>
      </QueryState>
    </Card>
  );
}

export function Component() {
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") || undefined) as RewardStatus | undefined;
  const kind = (params.get("kind") || undefined) as RewardKind | undefined;
  const ledger = useRewards({ status, kind, limit: 50 });
  const entries = ledger.data?.pages.flatMap((page) => page.data) ?? [];
  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  return (
    <>
      <PageHeader title={strings.rewards.title} />
      <Totals kind={kind} />
      <div className="mb-4 flex flex-wrap gap-3">
        <Field label={strings.rewards.status}>
          <Select value={status ?? ""} onChange={(event) => set("status", event.target.value)}>
            <option value="">{strings.common.all}</option>
            {REWARD_STATUSES.map((value) => (
              <option key={value} value={value}>
                {strings.rewardStatuses[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.rewards.kind}>
          <Select value={kind ?? ""} onChange={(event) => set("kind", event.target.value)}>
            <option value="">{strings.common.all}</option>
            <option value="referral_reward">{strings.rewards.kinds.referral_reward}</option>
            <option value="partner_commission">{strings.rewards.kinds.partner_commission}</option>
          </Select>
        </Field>
      </div>
      <QueryState
        query={ledger}
        loadingLabel={strings.rewards.loading}
        empty={entries.length === 0}
        emptyTitle={strings.rewards.empty}
      >
        <Table columns={columns} rows={entries} rowKey={(row) => row.id} caption={strings.rewards.ledger} />
        <LoadMore
          hasNextPage={ledger.hasNextPage}
          isFetchingNextPage={ledger.isFetchingNextPage}
          fetchNextPage={ledger.fetchNextPage}
        />
      </QueryState>
    </>
  );
}
