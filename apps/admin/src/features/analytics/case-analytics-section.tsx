import { useCaseAnalytics } from "@referral-app/api-client/react/case-admin-hooks";
import { formatPercent } from "@referral-app/app-kit/console-format";
import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import type { CaseAnalytics } from "@referral-app/shared/schemas/case";
import { Card } from "@referral-app/ui/card";
import { BarChart } from "@referral-app/ui/charts";
import { Field, Select } from "@referral-app/ui/form";
import { QueryState } from "@referral-app/ui/query-state";
import { useState } from "react";
import { strings } from "../../strings.ts";

function StageTimeChart({ durations }: { durations: CaseAnalytics["stageDurations"] }) {
  const visaTypes = [...new Map(durations.map((row) => [row.visaTypeId, row.visaTypeName])).entries()];
  const [visaTypeId, setVisaTypeId] = useState(visaTypes[0]?.[0] ?? "");
  const data = VISA_STAGE_IDS.map((stage) => {
    const row = durations.find((entry) => entry.visaTypeId === visaTypeId && entry.stage === stage);
    return { stage: strings.stages[stage], median: row?.medianDays ?? 0, p90: row?.p90Days ?? 0 };
  });
  const name = visaTypes.find(([id]) => id === visaTypeId)?.[1] ?? "";
  return (
    <Card>
      <Field label={strings.caseAnalytics.visaType} className="mb-3 max-w-xs">
        <Select value={visaTypeId} onChange={(event) => setVisaTypeId(event.target.value)}>
          {visaTypes.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <BarChart
        title={`${strings.caseAnalytics.stageTime}: ${name}`}
        data={data}
        xKey="stage"
        series={[
          { key: "median", label: strings.caseAnalytics.median },
          { key: "p90", label: strings.caseAnalytics.p90 },
        ]}
      />
    </Card>
  );
}

function CaseCharts({ analytics }: { analytics: CaseAnalytics }) {
  const consultants = analytics.consultants.map((row) => ({
    name: row.id ? row.name : strings.caseAnalytics.unassigned,
    open: row.openCases,
    overdue: row.overdueTasks,
  }));
  const share = analytics.referralShare;
  return (
    <div className="space-y-6">
      <div className="rounded-card border border-border bg-card p-4">
        <p className="text-sm text-muted">{strings.caseAnalytics.referralShare}</p>
        <p className="mt-1 text-2xl font-semibold">{formatPercent(share.share)}</p>
        <p className="text-sm text-muted">
          {strings.caseAnalytics.referralShareValue(share.fromReferral, share.cases)}
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2 [&>*]:min-w-0">
        {analytics.stageDurations.length ? <StageTimeChart durations={analytics.stageDurations} /> : null}
        <Card>
          <BarChart
            title={strings.caseAnalytics.perConsultant}
            data={consultants}
            xKey="name"
            series={[
              { key: "open", label: strings.caseAnalytics.open },
              { key: "overdue", label: strings.caseAnalytics.overdue },
            ]}
          />
        </Card>
        <Card className="xl:col-span-2">
          <BarChart
            title={strings.caseAnalytics.outcomes}
            data={analytics.outcomes}
            xKey="visaTypeName"
            series={[
              { key: "granted", label: strings.outcomes.granted },
              { key: "refused", label: strings.outcomes.refused },
              { key: "withdrawn", label: strings.outcomes.withdrawn },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}

/** Time in each stage, cases per consultant, outcomes per visa type and the share from referrals. */
export function CaseAnalyticsSection() {
  const analytics = useCaseAnalytics();
  return (
    <section aria-labelledby="case-analytics" className="mt-10">
      <h2 id="case-analytics" className="mb-4 text-xl font-semibold">
        {strings.caseAnalytics.title}
      </h2>
      <QueryState
        query={analytics}
        loadingLabel={strings.caseAnalytics.loading}
        empty={analytics.data?.referralShare.cases === 0}
        emptyTitle={strings.caseAnalytics.noData}
      >
        {analytics.data ? <CaseCharts analytics={analytics.data} /> : null}
      </QueryState>
    </section>
  );
}
