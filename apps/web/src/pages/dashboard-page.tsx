import { useProfile, useReferralStats, useSession } from "@referral-app/api-client/react";
import { Skeleton } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../components/page-title.tsx";
import { FirstRunCard, firstRunSteps, isFirstRun } from "../features/dashboard/first-run-card.tsx";
import { LatestNotificationsCard } from "../features/dashboard/latest-notifications-card.tsx";
import { MyTasksCard, PrimaryCaseCard } from "../features/dashboard/primary-case-card.tsx";
import { ReferralSummaryCard } from "../features/dashboard/referral-summary-card.tsx";
import { RewardsCard } from "../features/dashboard/rewards-card.tsx";

/** A new account's welcome and next steps, or "Welcome back"; the case, referrals and notifications. */
export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const profile = useProfile();
  const stats = useReferralStats();
  const name = session.data?.user.name.trim().split(/\s+/)[0] ?? "";
  const steps = profile.data && stats.data ? firstRunSteps(profile.data, stats.data.total) : null;
  const firstRun = steps ? isFirstRun(steps) : false;
  return (
    <div className="space-y-6">
      <PageTitle title={t("nav.dashboard")} />
      <div className="min-h-16">
        {steps ? (
          <>
            <h1 className="text-2xl font-semibold">
              {firstRun ? t("welcome.title", { name }) : t("dashboard.greeting", { name })}
            </h1>
            <p className="mt-1 text-sm text-muted">
              {firstRun ? t("welcome.subtitle") : t("dashboard.subtitle")}
            </p>
          </>
        ) : (
          // Sized like the heading and its line, so nothing shifts when the greeting is known.
          <div aria-hidden="true" className="space-y-2">
            <Skeleton className="h-8 w-64 max-w-full" />
            <Skeleton className="h-5 w-80 max-w-full" />
          </div>
        )}
      </div>
      {steps && firstRun ? <FirstRunCard steps={steps} /> : null}
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <div className="lg:col-span-2">
          <PrimaryCaseCard />
        </div>
        <MyTasksCard />
      </div>
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <div className="lg:col-span-2">
          <ReferralSummaryCard />
        </div>
        <div className="space-y-6">
          <RewardsCard />
          <LatestNotificationsCard />
        </div>
      </div>
    </div>
  );
}
