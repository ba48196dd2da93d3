import { useAdminCases } from "@referral-app/api-client/react/case-admin-hooks";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Tabs } from "@referral-app/ui/tabs";
import { strings } from "../../strings.ts";
import { CaseBoard } from "./case-board.tsx";
import { type CaseFilters, useCaseFilters } from "./case-filters.ts";
import { CaseFiltersForm } from "./case-filters-form.tsx";
import { CaseTable } from "./case-table.tsx";

function CaseList({ filters }: { filters: CaseFilters }) {
  const query = useAdminCases({ ...filters, limit: 50 });
  const cases = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <QueryState
      query={query}
      loadingLabel={strings.cases.loading}
      empty={cases.length === 0}
      emptyTitle={strings.cases.empty}
    >
      <CaseTable cases={cases} />
      <LoadMore
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
      />
    </QueryState>
  );
}

/** Filters, then the cases as a table or a board by stage. */
export function CasesView({ fixed }: { fixed?: Partial<CaseFilters> }) {
  const { filters, setFilters, view, setView } = useCaseFilters(fixed);
  return (
    <>
      <CaseFiltersForm filters={filters} onChange={setFilters} showConsultant={!fixed?.consultantId} />
      <Tabs
        label={strings.cases.views}
        value={view}
        onValueChange={(next) => setView(next === "board" ? "board" : "table")}
        items={[
          {
            value: "table",
            label: strings.cases.table,
            content: <CaseList key={JSON.stringify(filters)} filters={filters} />,
          },
          { value: "board", label: strings.cases.board, content: <CaseBoard filters={filters} /> },
        ]}
      />
    </>
  );
}
