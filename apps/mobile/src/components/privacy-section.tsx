import {
  useAccountDeletion,
  useChangeAccountDeletion,
  useDataExports,
  useMarketingConsent,
  useMyActivity,
  useReferrerVisibility,
  useRequestDataExport,
  useUpdateMarketingConsent,
  useUpdateReferrerVisibility,
} from "@referral-app/api-client/react/privacy-hooks";
import {
  MARKETING_CONSENT_VERSION,
  REFERRER_VISIBILITY_LEVELS,
  type ReferrerVisibilityLevel,
} from "@referral-app/shared/constants";
import { formatDate, formatDateTime } from "@referral-app/shared/formatting";
import { useTranslation } from "react-i18next";
import { Alert, Switch, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Card } from "./card";
import { Notice } from "./notice";
import { SegmentedControl } from "./segmented-control";

/** The profile's privacy cards: referrer visibility, consent, export, deletion, "My activity". */
export function PrivacySection() {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const visibility = useReferrerVisibility();
  const saveVisibility = useUpdateReferrerVisibility();
  const consent = useMarketingConsent();
  const saveConsent = useUpdateMarketingConsent();
  const exports = useDataExports();
  const requestExport = useRequestDataExport();
  const deletion = useAccountDeletion();
  const changeDeletion = useChangeAccountDeletion();
  const activity = useMyActivity();
  const latest = exports.data?.[0];
  const exportBusy = latest?.state === "queued" || latest?.state === "running";
  const scheduled = deletion.data?.state === "scheduled";
  const confirmDeletion = () =>
    Alert.alert(t("privacy.deleteTitle"), t("privacy.deleteConfirm"), [
      { text: t("privacy.cancel"), style: "cancel" },
      { text: t("privacy.confirm"), style: "destructive", onPress: () => changeDeletion.mutate("request") },
    ]);
  return (
    <>
      <Card title={t("privacy.visibilityTitle")}>
        <View style={{ gap: 8 }}>
          {/* Two rows of two: four labels do not fit one row at 390 px. */}
          {[REFERRER_VISIBILITY_LEVELS.slice(0, 2), REFERRER_VISIBILITY_LEVELS.slice(2)].map((levels) => (
            <SegmentedControl<ReferrerVisibilityLevel>
              key={levels[0]}
              label={t("privacy.visibilityTitle")}
              value={visibility.data?.level ?? "signed_up"}
              onChange={(level) => saveVisibility.mutate({ level })}
              options={levels.map((value) => ({ value, label: t(`privacy.levels.${value}`) }))}
            />
          ))}
        </View>
        {saveVisibility.isError ? <Notice tone="danger" message={saveVisibility.error.message} /> : null}
      </Card>
      <Card title={t("privacy.consentTitle")}>
        <View style={{ flexDirection: "row", alignItems: "center", gap: 12 }}>
          <AppText style={{ flex: 1 }}>{t("privacy.consentText")}</AppText>
          <Switch
            accessibilityLabel={t("privacy.consentTitle")}
            value={consent.data?.granted ?? false}
            disabled={!consent.data}
            onValueChange={(granted) =>
              saveConsent.mutate({ granted, textVersion: MARKETING_CONSENT_VERSION })
            }
          />
        </View>
      </Card>
      <Card title={t("privacy.exportTitle")}>
        {exportBusy ? <AppText accessibilityLiveRegion="polite">{t("privacy.exportBusy")}</AppText> : null}
        {latest?.state === "ready" ? <AppText>{t("privacy.exportReady")}</AppText> : null}
        <Button
          variant="secondary"
          label={t("privacy.exportRequest")}
          busy={requestExport.isPending}
          disabled={exportBusy}
          onPress={() => requestExport.mutate()}
        />
      </Card>
      <Card title={t("privacy.deleteTitle")}>
        {scheduled ? (
          <AppText>
            {t("privacy.deleteScheduled", { date: formatDate(deletion.data!.scheduledFor!, locale) })}
          </AppText>
        ) : null}
        {deletion.data?.holds.map((hold) => (
          <AppText key={hold.kind} variant="small">
            {t("privacy.kept", { kept: `${hold.kept}. ${hold.reason}` })}
          </AppText>
        ))}
        <Button
          variant="secondary"
          label={scheduled ? t("privacy.deleteCancel") : t("privacy.deleteRequest")}
          busy={changeDeletion.isPending}
          onPress={() => (scheduled ? changeDeletion.mutate("cancel") : confirmDeletion())}
        />
      </Card>
      <Card title={t("privacy.activityTitle")}>
        {activity.data?.data.slice(0, 10).map((entry) => (
          <AppText key={entry.id} variant="small">
            {`${formatDateTime(entry.createdAt, locale)} · ${t(`privacy.actions.${entry.action}`, { defaultValue: t("privacy.actions.other") })}${entry.byYou ? "" : ` ${t("privacy.activityByStaff")}`}`}
          </AppText>
        ))}
      </Card>
    </>
  );
}
