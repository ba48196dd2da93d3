import type { CaseSummary } from "@referral-app/shared/schemas/case";
import { Badge, type BadgeTone } from "@referral-app/ui/badge";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

const TONES = { granted: "success", refused: "danger", withdrawn: "neutral" } as const satisfies Record<
  NonNullable<CaseSummary["outcome"]>,
  BadgeTone
>;

/** "Visa granted on 3 June 2026" for decided cases; the current stage otherwise. */
export function CaseStateBadge({ visaCase }: { visaCase: CaseSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (visaCase.outcome) {
    return (
      <Badge tone={TONES[visaCase.outcome]}>
        {visaCase.decidedAt
          ? t("cases.decided", {
              outcome: t(`cases.outcomes.${visaCase.outcome}`),
              date: format.date(visaCase.decidedAt),
            })
          : t(`cases.outcomes.${visaCase.outcome}`)}
      </Badge>
    );
  }
  return <Badge tone="info">{t("cases.stage", { stage: t(`visa.stages.${visaCase.currentStage}`) })}</Badge>;
}
