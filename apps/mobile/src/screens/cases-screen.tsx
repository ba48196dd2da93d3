import { useCases } from "@referral-app/api-client/react";
import { useTranslation } from "react-i18next";
import { Pressable, StyleSheet } from "react-native";
import { AppText } from "../components/app-text";
import { CaseDetail } from "../components/case-detail";
import { CaseState } from "../components/case-state";
import { Notice } from "../components/notice";
import { Screen } from "../components/screen";
import { useTheme } from "../theme/theme-context";

export interface CasesScreenProps {
  onOpenCase: (id: string) => void;
}

/** "Your cases"; with a single case there is nothing to choose, so it shows that case. */
export function CasesScreen({ onOpenCase }: CasesScreenProps) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  const cases = useCases();
  const only = cases.data?.length === 1 ? cases.data[0] : undefined;
  return (
    <Screen refreshing={cases.isRefetching} onRefresh={() => void cases.refetch()}>
      {only ? (
        <CaseDetail id={only.id} />
      ) : (
        <>
          <AppText variant="title" accessibilityRole="header">
            {t("cases.title")}
          </AppText>
          {cases.isPending ? <AppText variant="muted">{t("common.loading")}</AppText> : null}
          {cases.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
          {cases.data?.length === 0 ? <AppText variant="muted">{t("cases.empty")}</AppText> : null}
          {cases.data?.map((visaCase) => (
            <Pressable
              key={visaCase.id}
              accessibilityRole="button"
              accessibilityLabel={t("cases.open", { number: visaCase.number })}
              onPress={() => onOpenCase(visaCase.id)}
              style={({ pressed }) => [
                styles.item,
                {
                  backgroundColor: palette.surface,
                  borderColor: palette.border,
                  opacity: pressed ? 0.85 : 1,
                },
              ]}
            >
              <AppText variant="heading">{visaCase.visaType.name}</AppText>
              <AppText variant="small">{t("cases.number", { number: visaCase.number })}</AppText>
              <CaseState visaCase={visaCase} />
              {visaCase.openTasks > 0 ? (
                <AppText variant="small">{t("cases.openTasks", { count: visaCase.openTasks })}</AppText>
              ) : null}
            </Pressable>
          ))}
        </>
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  item: { borderWidth: 1, borderRadius: 12, padding: 16, gap: 4 },
});
