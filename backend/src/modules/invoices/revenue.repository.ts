import type { RevenueAnalytics } from "@referral-app/shared/schemas/invoice";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(result: Rows<T>): T[] => (Array.isArray(result) ? result : result.rows);

/** Money in per month (payments net of refunds) between two days, inclusive. */
export async function revenueByMonth(
  db: DbOrTx,
  from: string,
  to: string,
): Promise<RevenueAnalytics["revenueByMonth"]> {
  const result = await db.execute(sql`
    select to_char(date_trunc('month', p.paid_at at time zone 'UTC'), 'YYYY-MM') as month, i.currency,
           sum(case when p.kind = 'payment' then p.amount_minor else -p.amount_minor end)::bigint as amount
    from invoice_payments p join invoices i on i.id = p.invoice_id
    where p.paid_at >= ${from}::date and p.paid_at < (${to}::date + 1)
    group by 1, 2 order by 1, 2`);
  return rowsOf(result as Rows<{ month: string; currency: string; amount: string | number }>).map((row) => ({
    month: row.month,
    currency: row.currency,
    amountMinor: Number(row.amount),
  }));
}

export async function outstanding(db: DbOrTx, today: string): Promise<RevenueAnalytics["outstanding"]> {
  const result = await db.execute(sql`
    select currency, count(*)::int as invoices,
           sum(total_minor - (paid_minor - refunded_minor))::bigint as amount,
           coalesce(sum(total_minor - (paid_minor - refunded_minor)) filter (where due_date < ${today}::date), 0)::bigint as overdue
    from invoices where state in ('open', 'partially_paid')
    group by currency order by currency`);
  return rowsOf(result as Rows<{ currency: string; invoices: number; amount: string; overdue: string }>).map(
    (row) => ({
      currency: row.currency,
      invoices: Number(row.invoices),
      amountMinor: Number(row.amount),
      overdueMinor: Number(row.overdue),
    }),
  );
}

/**
 * Per channel (client referrals; each partner organisation): revenue from clients a converted referral
 * brought, against the rewards paid or credited and the commissions paid for that channel's referrals.
 */
export async function referralRoi(db: DbOrTx): Promise<RevenueAnalytics["referralRoi"]> {
  const result = await db.execute(sql`
    with channel_referrals as (
      select r.id, r.referred_user_id, r.partner_organization_id as org
      from referrals r where r.status = 'converted'
    ),
    revenue as (
      select cr.org, i.currency,
             sum(case when p.kind = 'payment' then p.amount_minor else -p.amount_minor end)::bigint as amount
      from channel_referrals cr
      join invoices i on i.client_id = cr.referred_user_id
      join invoice_payments p on p.invoice_id = i.id
      group by cr.org, i.currency
    ),
    cost as (
      select cr.org, l.currency, sum(l.amount_minor)::bigint as amount
      from channel_referrals cr join reward_ledger l on l.referral_id = cr.id
      where l.status in ('paid', 'credited')
      group by cr.org, l.currency
    )
    select coalesce(revenue.org, cost.org) as org, coalesce(revenue.currency, cost.currency) as currency,
           coalesce(revenue.amount, 0)::bigint as revenue, coalesce(cost.amount, 0)::bigint as cost, o.name
    from revenue full join cost on cost.org is not distinct from revenue.org and cost.currency = revenue.currency
    left join partner_organizations o on o.id = coalesce(revenue.org, cost.org)
    order by o.name nulls first, 2`);
  return rowsOf(
    result as Rows<{
      org: string | null;
      currency: string;
      revenue: string;
      cost: string;
      name: string | null;
    }>,
  ).map((row) => {
    const revenueMinor = Number(row.revenue);
    const costMinor = Number(row.cost);
    return {
      channel: row.org ? ("partner" as const) : ("client_referrals" as const),
      partnerOrganizationId: row.org,
      name: row.name ?? "Client referrals",
      currency: row.currency,
      revenueMinor,
      costMinor,
      roi: costMinor > 0 ? Math.round((revenueMinor / costMinor) * 100) / 100 : null,
    };
  });
}
