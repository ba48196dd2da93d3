import { useAdminReferral } from "@referral-app/api-client/react/admin-hooks";
import {
  formatCountry,
  formatCurrency,
  formatDate,
  formatDateTime,
} from "@referral-app/app-kit/console-format";
import type { ReferralStatus } from "@referral-app/shared/constants";
import type { ReferralDetail } from "@referral-app/shared/schemas/referral";
import { StatusBadge } from "@referral-app/ui/badge";
import { Dialog } from "@referral-app/ui/dialog";
import { FormMessage } from "@referral-app/ui/form";
import { QueryState } from "@referral-app/ui/query-state";
import { type ReactNode, useState } from "react";
import { strings } from "../../strings.ts";
import { StatusChangeForm } from "./status-change-form.tsx";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 py-1.5 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right text-fg">{children ?? strings.common.none}</dd>
    </div>
  );
}

function History({ detail }: { detail: ReferralDetail }) {
  if (detail.history.length === 0) return <p className="text-sm text-muted">{strings.detail.noHistory}</p>;
  return (
    <ol className="space-y-3 border-l border-border pl-4">
      {[...detail.history].reverse().map((change) => (
        <li key={change.id} className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={change.toStatus} label={strings.statuses[change.toStatus]} />
            <time dateTime={change.createdAt} className="text-xs text-muted">
              {formatDateTime(change.createdAt)}
            </time>
          </div>
          {change.messageToReferrer ? (
            <p className="mt-1 whitespace-pre-line text-fg">
              <span className="font-medium">{strings.detail.messageToReferrer}: </span>
              {change.messageToReferrer}
            </p>
          ) : null}
          {change.internalNote ? (
            <p className="mt-1 whitespace-pre-line text-muted">
              <span className="font-medium">{strings.detail.internalNote}: </span>
              {change.internalNote}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function DetailBody({
  detail,
  moved,
  onMoved,
}: {
  detail: ReferralDetail;
  /** The move just made here, confirmed in words (kept above the body, which reloads after it). */
  moved: ReferralStatus | null;
  onMoved: (status: ReferralStatus) => void;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={detail.status} label={strings.statuses[detail.status]} />
        <span className="text-sm text-muted">
          {strings.detail.created} {formatDate(detail.createdAt)}
        </span>
      </div>
      {/* The status change comes first: its button stays in view on a 900 px high screen. */}
      <section aria-labelledby="referral-change" className="border-b border-border pb-4">
        <h3 id="referral-change" className="mb-2 font-semibold">
          {strings.detail.changeStatus}
        </h3>
        {moved ? (
          <FormMessage tone="success">{strings.detail.moved(strings.statuses[moved])}</FormMessage>
        ) : null}
        {/* Not keyed by status: a remount on the saved status would drop the submit's own callbacks. */}
        <StatusChangeForm id={detail.id} name={detail.fullName} status={detail.status} onMoved={onMoved} />
      </section>
      <dl className="divide-y divide-border">
        <Row label={strings.detail.contact}>{detail.email}</Row>
        <Row label={strings.detail.phone}>{detail.phone}</Row>
        <Row label={strings.detail.country}>{detail.country ? formatCountry(detail.country) : null}</Row>
        <Row label={strings.detail.visaInterest}>
          {detail.visaInterest ? strings.visaInterests[detail.visaInterest] : null}
        </Row>
        <Row label={strings.detail.relationship}>
          {detail.relationship ? strings.referralRelationships[detail.relationship] : null}
        </Row>
        <Row label={strings.detail.source}>{strings.sources[detail.source]}</Row>
        <Row label={strings.detail.reward}>
          {detail.reward ? formatCurrency(detail.reward.amountMinor, detail.reward.currency) : null}
        </Row>
      </dl>
      <section aria-labelledby="referral-notes">
        <h3 id="referral-notes" className="mb-2 font-semibold">
          {strings.detail.notes}
        </h3>
        <p className="whitespace-pre-line text-sm">{detail.notes ?? strings.detail.noNotes}</p>
      </section>
      <section aria-labelledby="referral-history">
        <h3 id="referral-history" className="mb-2 font-semibold">
          {strings.detail.history}
        </h3>
        <History detail={detail} />
      </section>
    </div>
  );
}

/** One referral: contact details, notes, history and the allowed status changes. */
export function ReferralDetailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = useAdminReferral(id);
  const [moved, setMoved] = useState<{ id: string; status: ReferralStatus } | null>(null);
  return (
    <Dialog
      open={Boolean(id)}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={detail.data?.fullName ?? strings.detail.title}
      closeLabel={strings.common.close}
      className="max-w-2xl"
    >
      <QueryState query={detail} loadingLabel={strings.app.loading}>
        {detail.data ? (
          <DetailBody
            detail={detail.data}
            moved={moved && moved.id === id ? moved.status : null}
            onMoved={(status) => id && setMoved({ id, status })}
          />
        ) : null}
      </QueryState>
    </Dialog>
  );
}
