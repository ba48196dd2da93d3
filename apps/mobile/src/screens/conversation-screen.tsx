import { useSession } from "@referral-app/api-client/react";
import {
  messagesOf,
  useAttachmentLink,
  useConversation,
  useMarkConversationRead,
  useSendMessage,
  useThread,
  useUploadAttachment,
} from "@referral-app/api-client/react/message-hooks";
import { linkify } from "@referral-app/shared/linkify";
import type { Message } from "@referral-app/shared/schemas/conversation";
import * as DocumentPicker from "expo-document-picker";
import { useFocusEffect } from "expo-router";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Linking, StyleSheet, Text, View } from "react-native";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { Screen } from "../components/screen";
import { TextField } from "../components/text-field";
import { useTheme } from "../theme/theme-context";
import { useConversationTitle } from "./messages-screen";

type Picked = { uri: string; name: string; mimeType?: string | undefined };

function MessageBubble({ message, mine }: { message: Message; mine: boolean }) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  const link = useAttachmentLink();
  const sender = mine ? t("messages.you") : message.senderName || t("messages.formerParticipant");
  return (
    <View
      style={[
        styles.bubble,
        mine ? styles.mine : styles.theirs,
        { backgroundColor: palette.surface, borderColor: mine ? palette.primary : palette.border },
      ]}
    >
      <AppText variant="small">
        {sender}
        {message.editedAt && !message.deletedAt ? ` · ${t("messages.edited")}` : ""}
      </AppText>
      {message.deletedAt ? (
        <AppText variant="muted" style={styles.deleted}>
          {t("messages.deleted")}
        </AppText>
      ) : message.body ? (
        <Text style={{ color: palette.text, fontSize: 16 }}>
          {linkify(message.body).map((piece, index) =>
            piece.kind === "link" ? (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their order
                key={index}
                accessibilityRole="link"
                style={{ color: palette.primary, textDecorationLine: "underline" }}
                onPress={() => void Linking.openURL(piece.href)}
              >
                {piece.text}
              </Text>
            ) : (
              piece.text
            ),
          )}
        </Text>
      ) : null}
      {message.attachments.map((file) => (
        <Button
          key={file.id}
          variant="secondary"
          label={`📎 ${file.fileName}`}
          accessibilityLabel={t("messages.openAttachment", { name: file.fileName })}
          busy={link.isPending}
          onPress={() => link.mutate(file.id, { onSuccess: ({ url }) => void Linking.openURL(url) })}
        />
      ))}
    </View>
  );
}

/** One thread: refetched on focus and live through the stream; reading it moves the read receipt. */
export function ConversationScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const conversation = useConversation(id);
  const thread = useThread(id);
  const send = useSendMessage(id);
  const upload = useUploadAttachment(id);
  const markRead = useMarkConversationRead(id);
  const title = useConversationTitle();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<Picked[]>([]);
  const [failed, setFailed] = useState(false);
  const me = session.data?.user.id;
  const messages = messagesOf(thread.data?.pages);
  const newestFromOthers = [...messages].reverse().find((message) => message.senderId !== me);
  const readUpTo = conversation.data?.participants.find((p) => p.userId === me)?.lastReadMessageId;

  const { refetch } = thread;
  useFocusEffect(
    useCallback(() => {
      void refetch();
    }, [refetch]),
  );
  const { mutate } = markRead;
  useEffect(() => {
    if (newestFromOthers && newestFromOthers.id !== readUpTo) mutate(newestFromOthers.id);
  }, [newestFromOthers, readUpTo, mutate]);

  async function pick() {
    const result = await DocumentPicker.getDocumentAsync({
      type: ["application/pdf", "image/*"],
      multiple: true,
      copyToCacheDirectory: true,
    });
    if (!result.canceled) setFiles((current) => [...current, ...result.assets].slice(0, 10));
  }

  async function submit() {
    setFailed(false);
    try {
      const attachmentIds: string[] = [];
      for (const file of files) {
        // React Native's FormData takes a { uri, name, type } part for a file on the device.
        const part = { uri: file.uri, name: file.name, type: file.mimeType ?? "application/octet-stream" };
        attachmentIds.push(
          (await upload.mutateAsync({ file: part as unknown as Blob, fileName: file.name })).id,
        );
      }
      await send.mutateAsync({ body, attachmentIds });
      setBody("");
      setFiles([]);
    } catch {
      setFailed(true);
    }
  }

  const canWrite = conversation.data?.canWrite ?? true;
  return (
    <Screen refreshing={thread.isRefetching} onRefresh={() => void refetch()}>
      <AppText variant="title" accessibilityRole="header">
        {conversation.data ? title(conversation.data) : t("messages.title")}
      </AppText>
      {thread.error ? <AppText variant="muted">{t("messages.loadError")}</AppText> : null}
      {thread.data && messages.length === 0 ? (
        <AppText variant="muted">{t("messages.emptyThread")}</AppText>
      ) : null}
      {messages.map((message) => (
        <MessageBubble key={message.id} message={message} mine={message.senderId === me} />
      ))}
      {canWrite ? (
        <View style={styles.composer}>
          <TextField
            label={t("messages.label")}
            value={body}
            onChangeText={setBody}
            placeholder={t("messages.placeholder")}
            multiline
            maxLength={5000}
          />
          {files.length > 0 ? (
            <AppText variant="small">
              {t("messages.attached", { names: files.map((file) => file.name).join(", ") })}
            </AppText>
          ) : null}
          {failed ? <AppText variant="small">{t("messages.sendFailed")}</AppText> : null}
          <View style={styles.actions}>
            <Button variant="secondary" label={t("messages.attach")} onPress={() => void pick()} />
            <Button
              label={t("messages.send")}
              busy={send.isPending || upload.isPending}
              disabled={body.trim().length === 0 && files.length === 0}
              onPress={() => void submit()}
            />
          </View>
        </View>
      ) : (
        <AppText variant="muted">{t("messages.readOnly")}</AppText>
      )}
    </Screen>
  );
}

const styles = StyleSheet.create({
  bubble: { padding: 10, borderRadius: 14, borderWidth: 1, gap: 4, maxWidth: "88%" },
  mine: { alignSelf: "flex-end" },
  theirs: { alignSelf: "flex-start" },
  deleted: { fontStyle: "italic" },
  composer: { gap: 8, marginTop: 8 },
  actions: { flexDirection: "row", gap: 8, justifyContent: "space-between" },
});
