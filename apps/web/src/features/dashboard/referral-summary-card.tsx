import { useReferralStats } from "@referral-app/api-client/react";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Skeleton } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/use-format.ts";
import { ShareBlock } from "../referrals/share-block.tsx";
import { useOffer } from "../referrals/use-offer.ts";

function Stat({ label, hint, children }: { label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted" title={hint}>
        {label}
      </dt>
      <dd className="text-lg font-semibold">{children}</dd>
    </div>
  );
}

/** The offer up front, my numbers (earned and pending apart), and my link to share in one tap. */
export function ReferralSummaryCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useReferralStats();
  const offer = useOffer();
  const data = stats.data;
  const money = (pick: "earnedMinor" | "pendingMinor") =>
    data && data.rewards.length > 0
      ? data.rewards.map((reward) => (
          <span key={reward.currency} className="block">
            {format.money(reward[pick], reward.currency)}
          </span>
        ))
      : format.money(0, offer.data?.reward.currency ?? "USD");
  return (
    <Card
      title={t("dashboard.referralsTitle")}
      actions={
        <Link to="/referrals" className={buttonClasses({ size: "sm" })}>
          {t("offer.cta")}
        </Link>
      }
    >
      <div className="space-y-5">
        <div className="min-h-12 rounded-lg bg-brand-soft p-3">
          {offer.amount && offer.data ? (
            <>
              <p className="font-semibold">{t("offer.headline", { amount: offer.amount })}</p>
              <p className="mt-1 text-sm text-muted">{t("offer.how", { days: offer.data.holdingDays })}</p>
            </>
          ) : (
            <Skeleton className="h-6 w-3/4" />
          )}
        </div>
        {data ? (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label={t("dashboard.referred")}>{format.number(data.total)}</Stat>
            <Stat label={t("dashboard.converted")}>{format.number(data.byStatus.converted)}</Stat>
            <Stat label={t("rewards.earned")} hint={t("rewards.earnedHint")}>
              {money("earnedMinor")}
            </Stat>
            <Stat label={t("rewards.pending")} hint={t("rewards.pendingHint")}>
              {money("pendingMinor")}
            </Stat>
          </dl>
        ) : (
          <div role="status" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <span className="sr-only">{t("app.loading")}</span>
            {[0, 1, 2, 3].map((index) => (
              <Skeleton key={index} className="h-12" />
            ))}
          </div>
        )}
        <ShareBlock />
        <Link to="/referrals?tab=list" className="inline-block text-sm text-brand hover:underline">
          {t("dashboard.seeAll")}
        </Link>
      </div>
    </Card>
  );
}
