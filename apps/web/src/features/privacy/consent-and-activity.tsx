import {
  useMarketingConsent,
  useMyActivity,
  useUpdateMarketingConsent,
} from "@referral-app/api-client/react/privacy-hooks";
import { MARKETING_CONSENT_VERSION } from "@referral-app/shared/constants";
import { Card } from "@referral-app/ui/card";
import { Checkbox } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** Opt-in to promotional messages, recorded with the wording's version. */
export function MarketingConsentCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const consent = useMarketingConsent();
  const update = useUpdateMarketingConsent();
  return (
    <Card title={t("privacy.consentTitle")}>
      <div className="space-y-2">
        <Checkbox
          label={t("privacy.consentText")}
          checked={consent.data?.granted ?? false}
          disabled={!consent.data || update.isPending}
          onChange={(event) =>
            update.mutate({ granted: event.target.checked, textVersion: MARKETING_CONSENT_VERSION })
          }
        />
        {consent.data?.granted && consent.data.recordedAt ? (
          <p className="text-xs text-muted">
            {t("privacy.consentRecorded", { date: format.dateTime(consent.data.recordedAt) })}
          </p>
        ) : null}
      </div>
    </Card>
  );
}

/** "My activity": the user's own audit trail. */
export function MyActivityCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const activity = useMyActivity();
  const actionWords = (action: string) =>
    t(`privacy.actions.${action}`, { defaultValue: t("privacy.actions.other") });
  return (
    <Card title={t("privacy.activityTitle")}>
      {!activity.data ? (
        <SkeletonList label={t("app.loading")} lines={4} />
      ) : activity.data.data.length === 0 ? (
        <p className="text-sm text-muted">{t("privacy.activityEmpty")}</p>
      ) : (
        <ul className="divide-y divide-border text-sm">
          {activity.data.data.map((entry) => (
            <li key={entry.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {actionWords(entry.action)}
                {entry.byYou ? null : <span className="text-muted"> ({t("privacy.activityByStaff")})</span>}
              </span>
              <time className="text-muted" dateTime={entry.createdAt}>
                {format.dateTime(entry.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
