import { useRevenueAnalytics } from "@referral-app/api-client/react";
import { formatCurrency, fromMinorUnits } from "@referral-app/shared/formatting";
import { Card } from "@referral-app/ui/card";
import { BarChart } from "@referral-app/ui/charts";
import { QueryState } from "@referral-app/ui/query-state";
import { strings } from "../../strings.ts";

/** Revenue by month, what is owed, and per channel what referrals bring against what they cost. */
export function MoneyAnalyticsSection() {
  const revenue = useRevenueAnalytics();
  const data = revenue.data;
  const currencies = [...new Set(data?.revenueByMonth.map((row) => row.currency) ?? [])];
  const months = [...new Set(data?.revenueByMonth.map((row) => row.month) ?? [])].map((month) => ({
    month,
    ...Object.fromEntries(
      currencies.map((currency) => {
        const row = data?.revenueByMonth.find(
          (entry) => entry.month === month && entry.currency === currency,
        );
        return [currency, row ? fromMinorUnits(row.amountMinor, currency) : 0];
      }),
    ),
  })) as ({ month: string } & Record<string, number | string>)[];
  const roi = (data?.referralRoi ?? []).map((row) => ({
    // The server names partner channels by organisation; the client channel is named here, in words.
    channel: `${row.channel === "client_referrals" ? strings.money.clientReferrals : row.name} (${row.currency})`,
    revenue: fromMinorUnits(row.revenueMinor, row.currency),
    cost: fromMinorUnits(row.costMinor, row.currency),
    ratio: row.roi === null ? strings.money.noCost : `${row.roi}×`,
  }));
  return (
    <section className="mt-8 space-y-6" aria-label={strings.money.title}>
      <h2 className="text-lg font-semibold">{strings.money.title}</h2>
      <QueryState query={revenue} loadingLabel={strings.app.loading}>
        <div className="grid gap-6 xl:grid-cols-2 [&>*]:min-w-0">
          <Card>
            <BarChart
              title={strings.money.revenueByMonth}
              data={months}
              xKey="month"
              series={currencies.map((currency) => ({ key: currency, label: currency }))}
            />
          </Card>
          <Card title={strings.money.outstanding}>
            {data?.outstanding.length ? (
              <ul className="space-y-1 text-sm">
                {data.outstanding.map((row) => (
                  <li key={row.currency}>
                    {strings.money.outstandingLine(
                      formatCurrency(row.amountMinor, row.currency),
                      formatCurrency(row.overdueMinor, row.currency),
                      row.invoices,
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">{strings.money.nothingOwed}</p>
            )}
          </Card>
          <Card>
            <BarChart
              title={strings.money.roi}
              data={roi}
              xKey="channel"
              series={[
                { key: "revenue", label: strings.money.revenue },
                { key: "cost", label: strings.money.cost },
              ]}
            />
            <ul className="mt-3 space-y-1 text-sm">
              {roi.map((row) => (
                <li key={row.channel}>{strings.money.roiLine(row.channel, row.ratio)}</li>
              ))}
            </ul>
          </Card>
        </div>
      </QueryState>
    </section>
  );
}
