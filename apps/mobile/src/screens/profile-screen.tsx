import { useProfile, useSignOut, useUpdateProfile } from "@referral-app/api-client/react";
import { LANGUAGES, type Language, THEMES, type Theme } from "@referral-app/shared/constants";
import type { UpdatePreferencesData } from "@referral-app/shared/schemas/user";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { Card } from "../components/card";
import { Notice } from "../components/notice";
import { PreferenceSwitches } from "../components/preference-switches";
import { PrivacySection } from "../components/privacy-section";
import { Screen } from "../components/screen";
import { SegmentedControl } from "../components/segmented-control";

export function ProfileScreen({ onSignedOut }: { onSignedOut: () => void }) {
  const { t } = useTranslation();
  const profile = useProfile();
  const update = useUpdateProfile();
  const signOut = useSignOut();

  if (!profile.data) {
    return (
      <Screen>
        {profile.isError ? <Notice tone="danger" message={profile.error.message} /> : null}
        <AppText variant="muted">{t("common.loading")}</AppText>
      </Screen>
    );
  }
  const { preferences } = profile.data;
  const save = (change: UpdatePreferencesData) => update.mutate({ preferences: change });

  return (
    <Screen refreshing={profile.isRefetching} onRefresh={() => void profile.refetch()}>
      <AppText variant="title" accessibilityRole="header">
        {t("profile.title")}
      </AppText>
      <Card>
        <AppText variant="heading">{profile.data.name}</AppText>
        <AppText variant="muted">{profile.data.email}</AppText>
      </Card>
      <Card title={t("profile.preferences")}>
        <AppText>{t("profile.theme")}</AppText>
        <SegmentedControl<Theme>
          label={t("profile.theme")}
          value={preferences.theme}
          onChange={(theme) => save({ theme })}
          options={THEMES.map((value) => ({ value, label: t(`profile.themes.${value}`) }))}
        />
        <AppText>{t("profile.language")}</AppText>
        <SegmentedControl<Language>
          label={t("profile.language")}
          value={preferences.language}
          onChange={(language) => save({ language })}
          options={LANGUAGES.map((value) => ({ value, label: t(`profile.languages.${value}`) }))}
        />
        {update.isError ? <Notice tone="danger" message={update.error.message} /> : null}
      </Card>
      <Card title={t("profile.notificationSettings")}>
        <PreferenceSwitches value={preferences.notifications} onChange={save} />
      </Card>
      <PrivacySection />
      <Button
        variant="secondary"
        label={t("profile.signOut")}
        busy={signOut.isPending}
        onPress={() => signOut.mutate(undefined, { onSettled: () => onSignedOut() })}
      />
    </Screen>
  );
}
