import { useConversations } from "@referral-app/api-client/react/message-hooks";
import type { ConversationSummary } from "@referral-app/shared/schemas/conversation";
import { useFocusEffect } from "expo-router";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Pressable, StyleSheet, View } from "react-native";
import { AppText } from "../components/app-text";
import { Screen } from "../components/screen";
import { useTheme } from "../theme/theme-context";

export function useConversationTitle() {
  const { t } = useTranslation();
  return (conversation: Pick<ConversationSummary, "type" | "subject" | "caseNumber">) =>
    conversation.type === "consultation"
      ? t("messages.caseTitle", { number: conversation.caseNumber ?? "" })
      : (conversation.subject ?? t(conversation.type === "support" ? "messages.support" : "messages.group"));
}

/** The Messages tab: conversations with unread markers; refetched whenever the tab comes into focus. */
export function MessagesScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  const list = useConversations();
  const title = useConversationTitle();
  const { refetch } = list;
  useFocusEffect(
    useCallback(() => {
      void refetch();
    }, [refetch]),
  );
  const items = list.data?.data;
  return (
    <Screen refreshing={list.isRefetching} onRefresh={() => void refetch()}>
      <AppText variant="title" accessibilityRole="header">
        {t("messages.title")}
      </AppText>
      {list.error ? <AppText variant="muted">{t("messages.loadError")}</AppText> : null}
      {items?.length === 0 ? <AppText variant="muted">{t("messages.empty")}</AppText> : null}
      {items?.map((conversation) => {
        const name = title(conversation);
        const preview = conversation.lastMessage
          ? conversation.lastMessage.deletedAt
            ? t("messages.deleted")
            : conversation.lastMessage.body || `📎 ${conversation.lastMessage.attachments[0]?.fileName ?? ""}`
          : t("messages.noMessages");
        return (
          <Pressable
            key={conversation.id}
            accessibilityRole="button"
            accessibilityLabel={t("messages.open", { title: name })}
            onPress={() => onOpen(conversation.id)}
            style={[styles.row, { borderColor: palette.border, backgroundColor: palette.surface }]}
          >
            <View style={styles.text}>
              <AppText variant="heading">{name}</AppText>
              <AppText variant="muted" numberOfLines={1}>
                {preview}
              </AppText>
            </View>
            {conversation.unreadCount > 0 ? (
              <AppText variant="small" style={{ color: palette.danger, fontWeight: "700" }}>
                {t("messages.unread", { count: conversation.unreadCount })}
              </AppText>
            ) : null}
          </Pressable>
        );
      })}
    </Screen>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", alignItems: "center", gap: 12, padding: 14, borderWidth: 1, borderRadius: 12 },
  text: { flex: 1, gap: 2 },
});
