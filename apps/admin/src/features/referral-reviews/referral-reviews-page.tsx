import { useSession } from "@referral-app/api-client/react";
import { useReferralReviews } from "@referral-app/api-client/react/privacy-hooks";
import {
  REFERRAL_REVIEW_REASONS,
  REFERRAL_REVIEW_STATES,
  type ReferralReviewReason,
  type ReferralReviewState,
} from "@referral-app/shared/constants";
import { formatDate, formatDateTime } from "@referral-app/shared/formatting";
import type { ReferralReview } from "@referral-app/shared/schemas/privacy";
import { Badge } from "@referral-app/ui/badge";
import { Field, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useSearchParams } from "react-router";
import { PrivacySettingsForm } from "./privacy-settings-form.tsx";
import { ResolveReviewDialog } from "./resolve-review-dialog.tsx";
import { reviewStrings as s } from "./review-strings.ts";

const columns: TableColumn<ReferralReview>[] = [
  {
    key: "referral",
    header: s.referral,
    rowHeader: true,
    cell: (row) => (
      <div>
        <div className="font-medium">{row.referral.fullName}</div>
        <div className="text-xs text-muted break-all">{row.referral.email}</div>
        <div className="text-xs text-muted">{s.referredBy(row.referral.referrerName)}</div>
        {row.conflictingReferral ? (
          <div className="text-xs text-muted">
            {s.firstReferral(
              row.conflictingReferral.referrerName,
              formatDate(row.conflictingReferral.createdAt),
            )}
          </div>
        ) : null}
      </div>
    ),
  },
  { key: "reason", header: s.reason, cell: (row) => <Badge>{s.reasons[row.reason]}</Badge> },
  {
    key: "flagged",
    header: s.flagged,
    cell: (row) => <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>,
  },
  {
    key: "decision",
    header: s.decision,
    cell: (row) =>
      row.state === "open" ? (
        <ResolveReviewDialog review={row} />
      ) : (
        <div>
          <div>{s.states[row.state]}</div>
          {row.resolutionReason ? (
            <div className="text-xs text-muted">{s.resolution(row.resolutionReason)}</div>
          ) : null}
        </div>
      ),
  },
];

/** Staff: the queue of flagged referrals, oldest first, by state and reason. */
export function Component() {
  const [params, setParams] = useSearchParams();
  const state = (params.get("state") as ReferralReviewState | null) ?? "open";
  const reason = (params.get("reason") as ReferralReviewReason | null) ?? undefined;
  const reviews = useReferralReviews({ state, reason, limit: 50 });
  const isAdmin = useSession().data?.user.role === "admin";
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <>
      <PageHeader title={s.title} description={s.description} />
      <div className="mb-4 flex flex-wrap gap-4">
        <Field label={s.state} className="w-48">
          <Select value={state} onChange={(event) => set("state", event.target.value)}>
            {REFERRAL_REVIEW_STATES.map((value) => (
              <option key={value} value={value}>
                {s.states[value]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.reason} className="w-72">
          <Select value={reason ?? ""} onChange={(event) => set("reason", event.target.value)}>
            <option value="">{s.all}</option>
            {REFERRAL_REVIEW_REASONS.map((value) => (
              <option key={value} value={value}>
                {s.reasons[value]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <QueryState
        query={reviews}
        loadingLabel={s.loading}
        empty={reviews.data?.data.length === 0}
        emptyTitle={s.empty}
      >
        <Table columns={columns} rows={reviews.data?.data ?? []} rowKey={(row) => row.id} caption={s.title} />
      </QueryState>
      {isAdmin ? (
        <div className="mt-8">
          <PrivacySettingsForm />
        </div>
      ) : null}
    </>
  );
}
