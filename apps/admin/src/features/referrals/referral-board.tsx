import { useAdminReferrals } from "@referral-app/api-client/react/admin-hooks";
import { REFERRAL_STATUS_VALUES, type ReferralStatus } from "@referral-app/shared/constants";
import { REFERRAL_STATUS_TONES } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { ErrorState } from "@referral-app/ui/query-state";
import { strings } from "../../strings.ts";
import { ageInDays, type PipelineFilters } from "./pipeline-filters.ts";
import { OverdueBadge } from "./referral-table.tsx";

function BoardColumn({
  status,
  filters,
  onOpen,
}: {
  status: ReferralStatus;
  filters: PipelineFilters;
  onOpen: (id: string) => void;
}) {
  const query = useAdminReferrals({ ...filters, status, limit: 20 });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const headingId = `board-${status}`;
  return (
    <section
      aria-labelledby={headingId}
      data-tone={REFERRAL_STATUS_TONES[status]}
      className="flex min-w-0 flex-col rounded-card border border-border bg-subtle/60 p-3"
    >
      <h2 id={headingId} className="mb-3 text-sm font-semibold">
        {strings.pipeline.boardColumn(strings.statuses[status], items.length)}
        {query.hasNextPage ? "+" : ""}
      </h2>
      {query.isPending ? <p className="text-sm text-muted">{strings.app.loading}</p> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => onOpen(item.id)}
              className="w-full rounded-lg border border-border bg-card p-3 text-left shadow-sm hover:border-brand focus-visible:outline-2 focus-visible:outline-ring"
            >
              <span className="block font-medium">{item.fullName}</span>
              <span className="block truncate text-xs text-muted">{item.email}</span>
              <span className="mt-2 flex items-center gap-2 text-xs text-muted">
                {strings.pipeline.days(ageInDays(item.createdAt))}
                {item.overdue ? <OverdueBadge /> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {query.hasNextPage ? (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {strings.common.loadMore}
        </Button>
      ) : null}
    </section>
  );
}

/** One column per status, each its own cursor list, so a busy column never hides a quiet one. */
export function ReferralBoard({
  filters,
  onOpen,
}: {
  filters: PipelineFilters;
  onOpen: (id: string) => void;
}) {
  const statuses = filters.status ? [filters.status] : REFERRAL_STATUS_VALUES;
  return (
    // Columns share the width (all five fit at 1280 px) and never shrink below 11rem: narrower screens
    // scroll the board sideways (a focusable region, so keys scroll it too), the last column never cut off.
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: axe requires a scrollable region to be focusable
      tabIndex={0}
      aria-label={strings.pipeline.board}
      className="grid auto-cols-[minmax(11rem,1fr)] grid-flow-col gap-4 overflow-x-auto pe-1 pb-4 focus-visible:outline-2 focus-visible:outline-ring"
    >
      {statuses.map((status) => (
        <BoardColumn key={status} status={status} filters={filters} onOpen={onOpen} />
      ))}
    </section>
  );
}
