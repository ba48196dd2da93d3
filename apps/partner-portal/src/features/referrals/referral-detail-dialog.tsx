import { usePartnerReferral } from "@referral-app/api-client/react/partner-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import { StatusBadge } from "@referral-app/ui/badge";
import { Dialog } from "@referral-app/ui/dialog";
import { QueryState } from "@referral-app/ui/query-state";
import { strings } from "../../strings.ts";
import { FriendProgress } from "./friend-progress.tsx";
import { SharedDocuments } from "./shared-documents.tsx";

export function ReferralDetailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const detail = usePartnerReferral(id);
  const data = detail.data;
  return (
    <Dialog
      open={Boolean(id)}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={data?.fullName ?? strings.referrals.title}
      description={data?.email}
      closeLabel={strings.common.close}
    >
      <QueryState query={detail} loadingLabel={strings.app.loading}>
        {data ? (
          <div className="space-y-4">
            <StatusBadge status={data.status} label={strings.statuses[data.status]} />
            <FriendProgress referral={data} />
            <h3 className="font-semibold">{strings.referrals.history}</h3>
            {data.history.length === 0 ? (
              <p className="text-sm text-muted">{strings.referrals.noHistory}</p>
            ) : (
              <ol className="space-y-2 border-l border-border pl-4 text-sm">
                {data.history.map((change) => (
                  <li key={change.id}>
                    <span className="font-medium">{strings.statuses[change.toStatus]}</span>{" "}
                    <time dateTime={change.createdAt} className="text-muted">
                      {formatDateTime(change.createdAt)}
                    </time>
                    {change.messageToReferrer ? (
                      <p className="mt-1 whitespace-pre-line">{change.messageToReferrer}</p>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {data.caseId ? <SharedDocuments caseId={data.caseId} /> : null}
          </div>
        ) : null}
      </QueryState>
    </Dialog>
  );
}
