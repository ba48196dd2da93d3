import { useReferral } from "@referral-app/api-client/react";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { StatusBadge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { ContactDeadline } from "./contact-deadline.tsx";
import { FriendProgress } from "./friend-progress.tsx";

/** Opens on a row's "Details" button and shows the referral's status history, newest last. */
export function ReferralDetailDialog({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={referral.fullName}
      description={referral.email}
      closeLabel={t("common.close")}
      trigger={
        <Button
          variant="ghost"
          size="sm"
          aria-label={t("referrals.list.detailsFor", { name: referral.fullName })}
        >
          {t("referrals.list.details")}
        </Button>
      }
    >
      <div className="space-y-4">
        <ContactDeadline referral={referral} />
        <FriendProgress referral={referral} />
        <ReferralHistory id={referral.id} />
      </div>
    </Dialog>
  );
}

/** A notification's link (`/referrals?referral=<id>`) opens that referral, wherever it is in the list. */
export function LinkedReferralDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useReferral(id);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={detail.data?.fullName ?? t("app.loading")}
      description={detail.data?.email}
      closeLabel={t("common.close")}
    >
      <div className="space-y-4">
        {detail.data ? <ContactDeadline referral={detail.data} /> : null}
        <ReferralHistory id={id} />
      </div>
    </Dialog>
  );
}

function ReferralHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useReferral(id);
  if (!detail.data) return <SkeletonList label={t("app.loading")} />;
  return (
    <section aria-labelledby={`history-${id}`}>
      <h3 id={`history-${id}`} className="mb-3 text-sm font-semibold">
        {t("referrals.list.history")}
      </h3>
      <ol className="space-y-3 border-s border-border ps-4">
        {detail.data.history.map((change) => (
          <li key={change.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge status={change.toStatus} label={t(`referrals.status.${change.toStatus}`)} />
              <time dateTime={change.createdAt} className="text-muted">
                {format.dateTime(change.createdAt)}
              </time>
            </div>
            {change.messageToReferrer ? (
              <p className="mt-1 whitespace-pre-line text-muted">{change.messageToReferrer}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
