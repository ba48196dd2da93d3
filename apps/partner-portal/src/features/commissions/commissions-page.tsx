import { usePartnerCommissions, usePartnerOverview } from "@referral-app/api-client/react/partner-hooks";
import { formatCurrency, formatDate, formatPercent } from "@referral-app/app-kit/console-format";
import type { PartnerCommission } from "@referral-app/shared/schemas/partners";
import { Badge } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { strings } from "../../strings.ts";
import { PayoutStatements } from "./payout-statements.tsx";

const columns: TableColumn<PartnerCommission>[] = [
  {
    key: "referral",
    header: strings.commissions.referral,
    rowHeader: true,
    cell: (row) => (
      <div className="flex flex-col">
        <TruncatedText text={row.referralName} />
        <TruncatedText text={row.referralEmail} lines={1} className="text-xs font-normal text-muted" />
      </div>
    ),
  },
  {
    key: "amount",
    header: strings.commissions.amount,
    cell: (row) => formatCurrency(row.amountMinor, row.currency),
  },
  {
    key: "status",
    header: strings.commissions.status,
    cell: (row) => (
      <div className="flex flex-col gap-1">
        <Badge>{strings.rewardStatuses[row.status]}</Badge>
        {row.reason ? <span className="text-xs text-muted">{row.reason}</span> : null}
      </div>
    ),
  },
  { key: "available", header: strings.commissions.available, cell: (row) => formatDate(row.availableAt) },
];

function CommissionTerms() {
  const overview = usePartnerOverview();
  const organization = overview.data?.organization;
  if (!organization) return null;
  const text =
    organization.commissionType === "rate"
      ? strings.commissions.rate(formatPercent((organization.commissionRateBps ?? 0) / 10_000))
      : strings.commissions.fixed(
          formatCurrency(organization.commissionAmountMinor ?? 0, organization.commissionCurrency),
        );
  return <p className="mb-4 text-sm text-muted">{text}</p>;
}

export function Component() {
  const commissions = usePartnerCommissions({ limit: 100 });
  const data = commissions.data;
  return (
    <>
      <PageHeader title={strings.commissions.title} description={strings.commissions.description} />
      <CommissionTerms />
      <div className="mb-6">
        <PayoutStatements />
      </div>
      <QueryState
        query={commissions}
        loadingLabel={strings.commissions.loading}
        empty={data?.items.length === 0}
        emptyTitle={strings.commissions.empty}
      >
        {data ? (
          <div className="space-y-6">
            <Card title={strings.commissions.totals}>
              <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {data.totals.map((total) => (
                  <div
                    key={`${total.currency}-${total.status}`}
                    className="rounded-lg border border-border p-3"
                  >
                    <dt className="text-xs text-muted">
                      {strings.rewardStatuses[total.status]} · {total.currency} ({total.count})
                    </dt>
                    <dd className="text-lg font-semibold">
                      {formatCurrency(total.amountMinor, total.currency)}
                    </dd>
                  </div>
                ))}
              </dl>
            </Card>
            <Table
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
              caption={strings.commissions.caption}
            />
          </div>
        ) : null}
      </QueryState>
    </>
  );
}
