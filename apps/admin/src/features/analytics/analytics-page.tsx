import { useAdminService } from "@referral-app/api-client/react/admin-hooks";
import { useAnalytics } from "@referral-app/api-client/react/admin-ops-hooks";
import { formatCurrency, formatDate, formatPercent } from "@referral-app/app-kit/console-format";
import type { TopReferrer } from "@referral-app/shared/schemas/analytics";
import type { TopPartner } from "@referral-app/shared/schemas/analytics-partners";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { BarChart, LineChart } from "@referral-app/ui/charts";
import { Field, Input } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { strings } from "../../strings.ts";
import { CaseAnalyticsSection } from "./case-analytics-section.tsx";
import { MoneyAnalyticsSection } from "./money-analytics.tsx";

const referrerColumns: TableColumn<TopReferrer>[] = [
  {
    key: "name",
    header: strings.analytics.name,
    rowHeader: true,
    cell: (row) => <TruncatedText text={`${row.name} (${row.email})`} />,
  },
  { key: "referrals", header: strings.analytics.referrals, cell: (row) => row.referrals },
  { key: "converted", header: strings.analytics.converted, cell: (row) => row.converted },
];

const partnerColumns: TableColumn<TopPartner>[] = [
  {
    key: "name",
    header: strings.analytics.name,
    rowHeader: true,
    cell: (row) => <TruncatedText text={row.name} />,
  },
  { key: "referrals", header: strings.analytics.referrals, cell: (row) => row.referrals },
  { key: "converted", header: strings.analytics.converted, cell: (row) => row.converted },
  { key: "rate", header: strings.analytics.conversionRate, cell: (row) => formatPercent(row.conversionRate) },
  {
    key: "commission",
    header: strings.analytics.commission,
    cell: (row) => formatCurrency(row.commissionMinor, row.currency),
  },
];

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-card border border-border bg-card p-4">
      <p className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold">{value}</p>
    </div>
  );
}

function RangeForm({
  from,
  to,
  onApply,
}: {
  from: string;
  to: string;
  onApply: (from: string, to: string) => void;
}) {
  const [draft, setDraft] = useState({ from, to });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft.from, draft.to);
  };
  return (
    <form
      onSubmit={submit}
      className="mb-6 flex flex-wrap items-end gap-3"
      aria-label={strings.analytics.range}
    >
      <Field label={strings.analytics.from}>
        <Input
          type="date"
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
      </Field>
      <Field label={strings.analytics.to}>
        <Input
          type="date"
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
      </Field>
      <Button type="submit">{strings.analytics.apply}</Button>
    </form>
  );
}

/** The seed's AnalyticsFeature; a lazy route, so Recharts never weighs on the other pages. */
export function Component() {
  const admin = useAdminService();
  const [params, setParams] = useSearchParams();
  const range = { from: params.get("from") || undefined, to: params.get("to") || undefined };
  const analytics = useAnalytics(range);
  const overview = analytics.data?.overview;
  const funnel = overview?.funnel;
  const apply = (from: string, to: string) => {
    const next = new URLSearchParams();
    if (from) next.set("from", from);
    if (to) next.set("to", to);
    setParams(next);
  };
  const funnelData = funnel
    ? (["pending", "contacted", "qualified", "converted"] as const).map((status) => ({
        status: strings.statuses[status],
        reached: funnel.reached[status],
        current: funnel.byStatus[status] ?? 0,
      }))
    : [];

  return (
    <>
      <PageHeader
        title={strings.analytics.title}
        description={
          funnel ? strings.analytics.between(formatDate(funnel.from), formatDate(funnel.to)) : undefined
        }
        actions={
          <a
            href={admin.analyticsExportUrl(range)}
            download
            className={buttonClasses({ variant: "secondary", size: "sm" })}
          >
            {strings.analytics.export}
          </a>
        }
      />
      {/* The inputs show the range the figures are for: the server's default until one is chosen. */}
      <RangeForm
        key={`${funnel?.from}|${funnel?.to}`}
        from={range.from ?? funnel?.from ?? ""}
        to={range.to ?? funnel?.to ?? ""}
        onApply={apply}
      />
      <QueryState query={analytics} loadingLabel={strings.analytics.loading}>
        {overview && funnel ? (
          <div className="space-y-6">
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Stat label={strings.analytics.total} value={String(funnel.total)} />
              <Stat label={strings.analytics.converted} value={String(funnel.reached.converted)} />
              <Stat label={strings.analytics.conversionRate} value={formatPercent(funnel.conversionRate)} />
              <Stat
                label={strings.analytics.medianToConvert}
                value={
                  funnel.medianHoursToConvert === null
                    ? strings.analytics.notAvailable
                    : strings.analytics.hours(funnel.medianHoursToConvert)
                }
              />
            </div>
            {funnel.total === 0 ? <p className="text-sm text-muted">{strings.analytics.noData}</p> : null}
            <div className="grid gap-6 xl:grid-cols-2 [&>*]:min-w-0">
              <Card>
                <BarChart
                  title={strings.analytics.funnel}
                  data={funnelData}
                  xKey="status"
                  series={[
                    { key: "reached", label: strings.analytics.reached },
                    { key: "current", label: strings.analytics.current },
                  ]}
                />
              </Card>
              <Card>
                <LineChart
                  title={strings.analytics.perDay}
                  data={overview.daily}
                  xKey="date"
                  series={[
                    { key: "created", label: strings.analytics.created },
                    { key: "converted", label: strings.analytics.converted },
                  ]}
                />
              </Card>
            </div>
            <div className="space-y-6">
              <Card title={strings.analytics.topReferrers}>
                <Table
                  columns={referrerColumns}
                  rows={overview.topReferrers}
                  rowKey={(row) => row.userId}
                  caption={strings.analytics.topReferrers}
                />
              </Card>
              <Card title={strings.analytics.topPartners}>
                <Table
                  columns={partnerColumns}
                  rows={analytics.data?.topPartners ?? []}
                  rowKey={(row) => row.partnerOrganizationId}
                  caption={strings.analytics.topPartners}
                />
              </Card>
            </div>
          </div>
        ) : null}
      </QueryState>
      <CaseAnalyticsSection />
      <MoneyAnalyticsSection />
    </>
  );
}
