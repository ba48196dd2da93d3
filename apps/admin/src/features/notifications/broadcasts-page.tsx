import { useBroadcasts } from "@referral-app/api-client/react/admin-ops-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import type { Broadcast, DeliveryCounts } from "@referral-app/shared/schemas/broadcasts";
import { Badge } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { strings } from "../../strings.ts";
import { BroadcastForm } from "./broadcast-form.tsx";

function Counts({ label, counts }: { label: string; counts: DeliveryCounts }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-sm">{strings.broadcasts.counts(counts.sent, counts.skipped, counts.failed)}</dd>
    </div>
  );
}

function BroadcastItem({ broadcast }: { broadcast: Broadcast }) {
  const delivering = broadcast.processedCount < broadcast.recipientCount;
  return (
    <li className="space-y-2 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={broadcast.type === "promotional" ? "accent" : "info"}>
          {strings.broadcasts.types[broadcast.type]}
        </Badge>
        <p className="font-medium">{broadcast.title}</p>
        {delivering ? <Badge tone="warning">{strings.broadcasts.delivering}</Badge> : null}
      </div>
      <p className="text-sm text-muted">
        {formatDateTime(broadcast.createdAt)}
        {broadcast.createdByName ? ` · ${broadcast.createdByName}` : ""}
      </p>
      {broadcast.recipientCount === 0 ? (
        <FormMessage tone="info">{strings.broadcasts.reachedNobody}</FormMessage>
      ) : null}
      <dl className="grid gap-2 sm:grid-cols-5">
        <div>
          <dt className="text-xs text-muted">{strings.broadcasts.recipients}</dt>
          <dd className="text-sm font-semibold">{broadcast.recipientCount}</dd>
        </div>
        <div>
          <dt className="text-xs text-muted">{strings.broadcasts.processed}</dt>
          <dd className="text-sm font-semibold">{broadcast.processedCount}</dd>
        </div>
        <Counts label={strings.broadcasts.inApp} counts={broadcast.deliveries.inApp} />
        <Counts label={strings.broadcasts.email} counts={broadcast.deliveries.email} />
        <Counts label={strings.broadcasts.push} counts={broadcast.deliveries.push} />
      </dl>
    </li>
  );
}

export function Component() {
  const broadcasts = useBroadcasts();
  const items = broadcasts.data?.data ?? [];
  return (
    <>
      <PageHeader title={strings.broadcasts.title} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title={strings.broadcasts.compose}>
          <BroadcastForm />
        </Card>
        <Card title={strings.broadcasts.history}>
          <QueryState
            query={broadcasts}
            loadingLabel={strings.broadcasts.loading}
            empty={items.length === 0}
            emptyTitle={strings.broadcasts.empty}
          >
            <ul className="divide-y divide-border">
              {items.map((broadcast) => (
                <BroadcastItem key={broadcast.id} broadcast={broadcast} />
              ))}
            </ul>
          </QueryState>
        </Card>
      </div>
    </>
  );
}
