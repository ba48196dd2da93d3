import { useAdminClient } from "@referral-app/api-client/react/admin-hooks";
import { formatCurrency, formatDate, formatDateTime } from "@referral-app/app-kit/console-format";
import type { AdminClientDetail } from "@referral-app/shared/schemas/admin";
import { Badge, StatusBadge } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { ProgressBar } from "@referral-app/ui/progress-bar";
import { QueryState } from "@referral-app/ui/query-state";
import { Link, useParams } from "react-router";
import { strings } from "../../strings.ts";
import { stageName } from "./clients-page.tsx";
import { VisaStageForm } from "./visa-stage-form.tsx";

function CaseCard({ detail }: { detail: AdminClientDetail }) {
  const progress = detail.visaProgress;
  return (
    <Card title={strings.clients.progress}>
      {progress ? (
        <>
          <ProgressBar
            label={strings.clients.progress}
            steps={progress.stages.map((stage) => ({
              id: stage.id,
              label: strings.stages[stage.id],
              status: stage.status,
              detail: stage.completedAt ? formatDate(stage.completedAt) : undefined,
            }))}
          />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer font-medium">{strings.clients.history}</summary>
            <ol className="mt-2 space-y-1">
              {progress.history.map((change) => (
                <li key={change.id}>
                  {formatDateTime(change.createdAt)}:{" "}
                  {/* The first entry is the case opening: it has no stage to come from. */}
                  {change.fromStage
                    ? strings.timeline.stage_changed(stageName(change.fromStage), stageName(change.toStage))
                    : strings.clients.openedAt(stageName(change.toStage))}
                  {change.note ? ` — ${change.note}` : ""}
                </li>
              ))}
            </ol>
          </details>
        </>
      ) : (
        <p className="text-sm text-muted">{strings.clients.noCase}</p>
      )}
      <div className="mt-6 border-t border-border pt-4">
        <VisaStageForm
          key={progress?.currentStage ?? "none"}
          userId={detail.profile.id}
          progress={progress}
        />
      </div>
    </Card>
  );
}

function ReferralsCard({ detail }: { detail: AdminClientDetail }) {
  const { referralStats: stats } = detail;
  return (
    <Card
      title={strings.clients.theirReferrals}
      description={strings.clients.stats(stats.total, stats.byStatus.converted)}
    >
      {detail.recentReferrals.length === 0 ? (
        <p className="text-sm text-muted">{strings.clients.noReferrals}</p>
      ) : (
        <ul className="divide-y divide-border">
          {detail.recentReferrals.map((referral) => (
            <li key={referral.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{referral.fullName}</span>{" "}
                <span className="text-muted">{referral.email}</span>
              </span>
              <StatusBadge status={referral.status} label={strings.statuses[referral.status]} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function RewardsCard({ detail }: { detail: AdminClientDetail }) {
  return (
    <Card title={strings.clients.rewards}>
      {detail.rewards.length === 0 ? (
        <p className="text-sm text-muted">{strings.clients.noRewards}</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {detail.rewards.map((total) => (
            <li key={`${total.currency}-${total.status}`} className="flex items-center justify-between gap-2">
              <Badge>{strings.rewardStatuses[total.status]}</Badge>
              <span>
                {formatCurrency(total.amountMinor, total.currency)} ({total.count})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function Component() {
  const { id = "" } = useParams();
  const client = useAdminClient(id);
  const detail = client.data;
  return (
    <>
      <Link to="/clients" className="text-sm text-brand underline-offset-4 hover:underline">
        ← {strings.clients.back}
      </Link>
      <QueryState query={client} loadingLabel={strings.clients.loading}>
        {detail ? (
          <>
            <PageHeader
              title={strings.clients.caseTitle(detail.profile.name)}
              description={detail.profile.email}
            />
            <div className="grid gap-6 lg:grid-cols-3">
              <div className="lg:col-span-2">
                <CaseCard detail={detail} />
              </div>
              <div className="space-y-6">
                <ReferralsCard detail={detail} />
                <RewardsCard detail={detail} />
              </div>
            </div>
          </>
        ) : null}
      </QueryState>
    </>
  );
}
