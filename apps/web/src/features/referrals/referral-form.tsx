import { ReferralForm as SharedReferralForm } from "@referral-app/app-kit/referral-form";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useCountryLabels } from "../../i18n/use-country-labels.ts";
import { useValidationMessage } from "../../i18n/use-validation-message.ts";
import { useMonitor } from "../../monitoring/monitor-context.tsx";
import { ReferralSuccess } from "./referral-success.tsx";

/** The shared referral form in the client's language; a created referral is counted by the monitor. */
export function ReferralForm() {
  const { t } = useTranslation();
  const validationMessage = useValidationMessage();
  const monitor = useMonitor();
  const countryLabels = useCountryLabels();
  const strings = {
    ...t("referrals.form", { returnObjects: true }),
    relationships: t("referrals.relationships", { returnObjects: true }),
    visaInterests: t("referrals.visaInterests", { returnObjects: true }),
  };
  return (
    <SharedReferralForm
      strings={strings}
      errorMessage={(error) => apiErrorMessage(error, t)}
      validationMessage={validationMessage}
      countryLabels={countryLabels}
      onCreated={(referral) => monitor?.trackEvent("referral_created", { referralId: referral.id })}
      renderSuccess={(referral, another) => <ReferralSuccess referral={referral} onAnother={another} />}
      offlineMessage={t("success.offline")}
    />
  );
}
