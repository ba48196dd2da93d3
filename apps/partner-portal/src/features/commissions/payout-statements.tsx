import { useApi, usePartnerStatements } from "@referral-app/api-client/react";
import { formatCurrency, formatDate } from "@referral-app/shared/formatting";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { QueryState } from "@referral-app/ui/query-state";
import { strings } from "../../strings.ts";

/** The organisation's payout statements: each batch's total, whether it was paid, and its PDF. */
export function PayoutStatements() {
  const { services } = useApi();
  const statements = usePartnerStatements();
  return (
    <Card title={strings.statements.title}>
      <QueryState query={statements} loadingLabel={strings.statements.loading}>
        {statements.data?.length ? (
          <ul className="divide-y divide-border">
            {statements.data.map((batch) => (
              <li key={batch.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div>
                  <p className="font-medium">
                    {strings.statements.line(
                      batch.number,
                      formatCurrency(batch.totalMinor, batch.currency),
                      batch.commissionCount,
                    )}
                  </p>
                  <p className="text-muted">
                    {batch.status === "paid" && batch.paidAt
                      ? strings.statements.paid(formatDate(batch.paidAt), batch.paymentReference ?? "")
                      : strings.statements.unpaid}
                  </p>
                </div>
                <a
                  className={buttonClasses({ variant: "secondary", size: "sm" })}
                  href={services.payouts.statementPath(batch.id, "partner")}
                  download
                >
                  {strings.statements.download(batch.number)}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">{strings.statements.none}</p>
        )}
      </QueryState>
    </Card>
  );
}
