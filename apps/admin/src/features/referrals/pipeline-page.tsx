import { useAdminReferrals, useAdminService } from "@referral-app/api-client/react/admin-hooks";
import type { AdminReferral } from "@referral-app/shared/schemas/admin";
import { buttonClasses } from "@referral-app/ui/button";
import { PageHeader } from "@referral-app/ui/page-header";
import { LoadMore, QueryState } from "@referral-app/ui/query-state";
import { Tabs } from "@referral-app/ui/tabs";
import { useState } from "react";
import { strings } from "../../strings.ts";
import { BulkStatusBar } from "./bulk-status-bar.tsx";
import { type PipelineFilters, usePipelineFilters } from "./pipeline-filters.ts";
import { ReferralBoard } from "./referral-board.tsx";
import { ReferralDetailDialog } from "./referral-detail-dialog.tsx";
import { ReferralFilters } from "./referral-filters.tsx";
import { ReferralTable } from "./referral-table.tsx";

function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, AdminReferral>>(new Map());
  return {
    selected,
    toggle: (referral: AdminReferral) =>
      setSelected((current) => {
        const next = new Map(current);
        if (next.has(referral.id)) next.delete(referral.id);
        else next.set(referral.id, referral);
        return next;
      }),
    setAll: (referrals: readonly AdminReferral[], on: boolean) =>
      setSelected((current) => {
        const next = new Map(current);
        for (const referral of referrals) {
          if (on) next.set(referral.id, referral);
          else next.delete(referral.id);
        }
        return next;
      }),
    clear: () => setSelected(new Map()),
  };
}

function PipelineTable({ filters, onOpen }: { filters: PipelineFilters; onOpen: (id: string) => void }) {
  const query = useAdminReferrals({ ...filters, limit: 50 });
  const selection = useSelection();
  const referrals = query.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <BulkStatusBar selected={[...selection.selected.values()]} onClear={selection.clear} />
      <QueryState
        query={query}
        loadingLabel={strings.pipeline.loading}
        empty={referrals.length === 0}
        emptyTitle={strings.pipeline.empty}
      >
        <ReferralTable referrals={referrals} selection={selection} onOpen={onOpen} />
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      </QueryState>
    </>
  );
}

export function Component() {
  const { filters, setFilters, view, setView } = usePipelineFilters();
  const admin = useAdminService();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={strings.pipeline.title}
        actions={
          <a
            href={admin.referralsExportUrl(filters)}
            download
            className={buttonClasses({ variant: "secondary", size: "sm" })}
          >
            {strings.pipeline.export}
          </a>
        }
      />
      <ReferralFilters filters={filters} onChange={setFilters} />
      <Tabs
        label={strings.pipeline.views}
        value={view}
        onValueChange={(next) => setView(next === "board" ? "board" : "table")}
        items={[
          {
            value: "table",
            label: strings.pipeline.table,
            content: <PipelineTable key={JSON.stringify(filters)} filters={filters} onOpen={setOpenId} />,
          },
          {
            value: "board",
            label: strings.pipeline.board,
            content: <ReferralBoard filters={filters} onOpen={setOpenId} />,
          },
        ]}
      />
      <ReferralDetailDialog id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
