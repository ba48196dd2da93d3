import { useAdminCases } from "@referral-app/api-client/react/case-admin-hooks";
import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { ErrorState } from "@referral-app/ui/query-state";
import { Link } from "react-router";
import { strings } from "../../strings.ts";
import type { CaseFilters } from "./case-filters.ts";
import { TaskCounts } from "./case-table.tsx";

function BoardColumn({ stage, filters }: { stage: VisaStageId; filters: CaseFilters }) {
  const query = useAdminCases({ ...filters, stage, limit: 20 });
  const items = query.data?.pages.flatMap((page) => page.data) ?? [];
  const headingId = `case-board-${stage}`;
  return (
    <section
      aria-labelledby={headingId}
      className="flex min-w-0 flex-col rounded-card border border-border bg-subtle/60 p-3"
    >
      <h2 id={headingId} className="mb-3 text-sm font-semibold">
        {strings.cases.boardColumn(strings.stages[stage], items.length, query.hasNextPage)}
      </h2>
      {query.isPending ? <p className="text-sm text-muted">{strings.app.loading}</p> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.id}>
            <Link
              to={`/cases/${item.id}`}
              aria-label={strings.cases.open(item.number, item.client.name)}
              className="block rounded-lg border border-border bg-card p-3 text-sm shadow-sm hover:border-brand focus-visible:outline-2 focus-visible:outline-ring"
            >
              <span className="block font-medium">{item.client.name}</span>
              <span className="block text-xs text-muted">
                {item.number} · {item.visaType.name}
              </span>
              <span className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                <span className="text-muted">{item.consultant?.name ?? strings.cases.noConsultant}</span>
                <TaskCounts visaCase={item} />
              </span>
            </Link>
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

/** One column per stage, each its own cursor list. */
export function CaseBoard({ filters }: { filters: CaseFilters }) {
  const stages = filters.stage ? [filters.stage] : VISA_STAGE_IDS;
  return (
    // Columns share the width (all five fit at 1280 px) and never shrink below 11rem: narrower screens
    // scroll the board sideways (a focusable region, so keys scroll it too), the last column never cut off.
    <section
      // biome-ignore lint/a11y/noNoninteractiveTabindex: axe requires a scrollable region to be focusable
      tabIndex={0}
      aria-label={strings.cases.board}
      className="grid auto-cols-[minmax(11rem,1fr)] grid-flow-col gap-4 overflow-x-auto pe-1 pb-4 focus-visible:outline-2 focus-visible:outline-ring"
    >
      {stages.map((stage) => (
        <BoardColumn key={stage} stage={stage} filters={filters} />
      ))}
    </section>
  );
}
