import { formatDate } from "@referral-app/shared/formatting";
import type { CaseSummary } from "@referral-app/shared/schemas/case";
import { useTranslation } from "react-i18next";
import { localeFor } from "../i18n/i18n";
import { AppText } from "./app-text";

/** "Stage: Assessment", or "Visa granted on 3 June 2026" once decided. */
export function CaseState({ visaCase }: { visaCase: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  if (visaCase.outcome) {
    const outcome = t(`cases.outcomes.${visaCase.outcome}`);
    return (
      <AppText variant="muted">
        {visaCase.decidedAt
          ? t("cases.decided", { outcome, date: formatDate(visaCase.decidedAt, locale) })
          : outcome}
      </AppText>
    );
  }
  return (
    <AppText variant="muted">
      {t("cases.stage", { stage: t(`dashboard.stageNames.${visaCase.currentStage}`) })}
    </AppText>
  );
}
