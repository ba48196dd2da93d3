import { useCompleteTask } from "@referral-app/api-client/react";
import { formatDate } from "@referral-app/shared/formatting";
import type { CaseTask } from "@referral-app/shared/schemas/case";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Notice } from "./notice";

/** One task: title, when it is due (or overdue, or done) and "Mark as done" where allowed. */
export function TaskRow({ task }: { task: CaseTask }) {
  const { t, i18n } = useTranslation();
  const { palette } = useTheme();
  const complete = useCompleteTask();
  const locale = localeFor(i18n.language);
  const done = task.state === "done";
  const when =
    done && task.completedAt
      ? t("cases.done", { date: formatDate(task.completedAt, locale) })
      : task.overdue
        ? t("cases.overdue", { date: formatDate(task.dueAt, locale) })
        : t("cases.due", { date: formatDate(task.dueAt, locale) });
  return (
    <View style={[styles.row, { borderColor: palette.border }]}>
      <AppText style={done ? styles.done : undefined}>{task.title}</AppText>
      <AppText variant="small" style={task.overdue ? { color: palette.danger } : undefined}>
        {when}
      </AppText>
      {complete.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
      {!done && task.canComplete ? (
        <Button
          label={t("cases.complete")}
          accessibilityLabel={t("cases.completeTask", { title: task.title })}
          variant="secondary"
          busy={complete.isPending}
          onPress={() => complete.mutate(task)}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  row: { gap: 6, paddingVertical: 8, borderTopWidth: StyleSheet.hairlineWidth },
  done: { textDecorationLine: "line-through", opacity: 0.7 },
});
