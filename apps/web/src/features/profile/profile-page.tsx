import { useProfile } from "@referral-app/api-client/react";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { LanguageSelect } from "../../components/language-select.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { ThemeSelect } from "../../components/theme-select.tsx";
import { AccountDeletionCard } from "../privacy/account-deletion-card.tsx";
import { MarketingConsentCard, MyActivityCard } from "../privacy/consent-and-activity.tsx";
import { DataExportCard } from "../privacy/data-export-card.tsx";
import { ReferrerVisibilityCard } from "../privacy/referrer-visibility-card.tsx";
import { NotificationPreferences } from "./notification-preferences.tsx";
import { ProfileDetailsForm } from "./profile-details-form.tsx";

/** Profile and preferences, saved through PATCH /api/users/me/profile. */
export function Component() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <div className="space-y-6">
      <PageTitle title={t("profile.title")} />
      <h1 className="text-2xl font-semibold">{t("profile.title")}</h1>
      {!profile.data ? (
        <SkeletonList label={t("app.loading")} lines={6} />
      ) : (
        <>
          <Card title={t("profile.details")}>
            <ProfileDetailsForm key={profile.data.id} profile={profile.data} />
          </Card>
          <Card title={t("profile.appearance")}>
            <div className="flex flex-wrap gap-6">
              <ThemeSelect showLabel />
              <LanguageSelect showLabel />
            </div>
          </Card>
          <Card title={t("profile.notificationsTitle")} description={t("profile.notificationsDescription")}>
            <div className="overflow-x-auto">
              <NotificationPreferences profile={profile.data} />
            </div>
          </Card>
          <ReferrerVisibilityCard />
          <MarketingConsentCard />
          <DataExportCard />
          <MyActivityCard />
          <AccountDeletionCard />
        </>
      )}
    </div>
  );
}
