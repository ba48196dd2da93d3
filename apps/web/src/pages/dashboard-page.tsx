import { useSession } from "@referral-app/api-client/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "../components/page-title.tsx";
import { LatestNotificationsCard } from "../features/dashboard/latest-notifications-card.tsx";
import { MyTasksCard, PrimaryCaseCard } from "../features/dashboard/primary-case-card.tsx";
import { ReferralSummaryCard } from "../features/dashboard/referral-summary-card.tsx";
import { RewardsCard } from "../features/dashboard/rewards-card.tsx";

/** The primary case with my open tasks, then my referrals and notifications. */
export function Component() {
  const { t } = useTranslation();
  const session = useSession();
  const name = session.data?.user.name.split(" ")[0] ?? "";
  return (
    <div className="space-y-6">
      <PageTitle title={t("nav.dashboard")} />
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.greeting", { name })}</h1>
        <p className="mt-1 text-sm text-muted">{t("dashboard.subtitle")}</p>
      </div>
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
