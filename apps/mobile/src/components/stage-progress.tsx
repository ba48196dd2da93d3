import { formatDate } from "@referral-app/shared/formatting";
import type { VisaStage, VisaStageState } from "@referral-app/shared/schemas/visa";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import type { Palette } from "../theme/palette";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";

type StageSummary = Pick<VisaStage, "id" | "name" | "status"> &
  Partial<Pick<VisaStage, "startedAt" | "completedAt">>;

export interface StageProgressProps {
  stages: readonly StageSummary[];
}

function colorFor(state: VisaStageState, palette: Palette): string {
  if (state === "completed") return palette.success;
  if (state === "current") return palette.primary;
  return palette.upcoming;
}

/** "Completed 5 November 2026" or "Since 21 November 2026", when the API knows the date. */
function stageDate(stage: StageSummary, t: TFunction, locale: string): string | null {
  if (stage.status === "completed" && stage.completedAt) {
    return t("dashboard.completedOn", { date: formatDate(stage.completedAt, locale) });
  }
  if (stage.status === "current" && stage.startedAt) {
    return t("dashboard.since", { date: formatDate(stage.startedAt, locale) });
  }
  return null;
}

/**
 * The seed's ProgressBar in vertical orientation, from plain Views: a dot per stage joined by a line,
 * completed / current / upcoming told by colour, shape and the accessible label (never colour alone).
 */
export function StageProgress({ stages }: StageProgressProps) {
  const { t, i18n } = useTranslation();
  const { palette } = useTheme();
  const locale = localeFor(i18n.language);
  const completed = stages.filter((stage) => stage.status === "completed").length;
  const summary = t("dashboard.stagesCompleted", { completed, total: stages.length });
  return (
    <View style={styles.list}>
      <View
        accessible
        accessibilityRole="progressbar"
        accessibilityLabel={t("dashboard.visaProgress")}
        accessibilityValue={{ min: 0, max: stages.length, now: completed, text: summary }}
      >
        <AppText variant="muted">{summary}</AppText>
      </View>
      {stages.map((stage, index) => {
        const color = colorFor(stage.status, palette);
        const name = t(`dashboard.stageNames.${stage.id}`, { defaultValue: stage.name });
        const state = t(`dashboard.state.${stage.status}`);
        const label = t("dashboard.stageLabel", { name, state });
        const date = stageDate(stage, t, locale);
        const isLast = index === stages.length - 1;
        return (
          <View
            key={stage.id}
            testID={`stage-${stage.id}`}
            accessible
            accessibilityLabel={date ? `${label}. ${date}` : label}
            accessibilityState={{ selected: stage.status === "current" }}
            style={styles.row}
          >
            <View style={styles.rail}>
              <View
                style={[
                  styles.dot,
                  { borderColor: color },
                  stage.status !== "upcoming" && { backgroundColor: color },
                  stage.status === "current" && styles.currentDot,
                ]}
              />
              {isLast ? null : (
                <View
                  style={[
                    styles.line,
                    { backgroundColor: stage.status === "completed" ? palette.success : palette.border },
                  ]}
                />
              )}
            </View>
            <View style={styles.text}>
              <AppText variant={stage.status === "current" ? "heading" : "body"}>{name}</AppText>
              <AppText variant="small">{state}</AppText>
              {date ? <AppText variant="small">{date}</AppText> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: 12 },
  row: { flexDirection: "row", gap: 12, minHeight: 56 },
  rail: { alignItems: "center", width: 20 },
  dot: { width: 16, height: 16, borderRadius: 8, borderWidth: 2, marginTop: 2 },
  currentDot: { width: 20, height: 20, borderRadius: 10, marginTop: 0 },
  line: { width: 2, flex: 1, marginVertical: 2 },
  text: { flex: 1, paddingBottom: 12 },
});
