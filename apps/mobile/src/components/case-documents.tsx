import { createIdempotencyKey } from "@referral-app/api-client/client";
import { useApi, useCaseDocuments } from "@referral-app/api-client/react";
import type { ChecklistLine } from "@referral-app/shared/schemas/document";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { PermissionDeniedError, type PickSource, pickFile } from "../documents/pick-file";
import { isRetryable, type PickedFile, sendDocument, UploadError } from "../documents/upload-document";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Card } from "./card";
import { Notice } from "./notice";

const megabytes = (bytes: number) => Math.max(1, Math.round(bytes / (1024 * 1024)));
const SOURCES: PickSource[] = ["camera", "library", "files"];

/** A picked file with the key every send of it carries, so a resend never files it twice. */
interface Attempt {
  file: PickedFile;
  idempotencyKey: string;
}

type Upload =
  | { kind: "sending"; name: string; fraction: number }
  | { kind: "done"; name: string }
  | { kind: "error"; message: string; retry: Attempt | null };

function ProgressBar({ label, fraction }: { label: string; fraction: number }) {
  const { palette } = useTheme();
  const percent = Math.round(fraction * 100);
  return (
    <View
      accessible
      accessibilityRole="progressbar"
      accessibilityLabel={label}
      accessibilityValue={{ min: 0, max: 100, now: percent }}
      style={[styles.track, { backgroundColor: palette.border }]}
    >
      <View style={[styles.fill, { width: `${percent}%`, backgroundColor: palette.primary }]} />
    </View>
  );
}

function DocumentLine({ line, caseId, maxBytes }: { line: ChecklistLine; caseId: string; maxBytes: number }) {
  const { t } = useTranslation();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<Upload | null>(null);
  const name = line.applicant ? `${line.requirement.name} (${line.applicant.name})` : line.requirement.name;
  const current = line.document?.current;
  const sending = upload?.kind === "sending";

  const failure = (error: unknown) => {
    if (error instanceof PermissionDeniedError) return t("documents.noPermission");
    if (error instanceof UploadError && error.status === 413)
      return t("documents.tooLarge", { name, max: megabytes(maxBytes) });
    if (error instanceof UploadError && error.status === 415) return t("documents.wrongType");
    return t("documents.failed");
  };

  async function send({ file, idempotencyKey }: Attempt) {
    setUpload({ kind: "sending", name: file.name, fraction: 0 });
    try {
      const target = {
        baseURL: client.config.baseURL,
        token: (await client.config.getToken?.()) ?? null,
        caseId,
        requirementId: line.requirement.id,
        applicantId: line.applicant?.id ?? null,
        idempotencyKey,
      };
      await sendDocument(target, file, (fraction) =>
        setUpload({ kind: "sending", name: file.name, fraction }),
      );
      setUpload({ kind: "done", name: file.name });
      await queryClient.invalidateQueries({ queryKey: ["documents", "checklist", caseId] });
    } catch (error) {
      const retry = isRetryable(error) ? { file, idempotencyKey } : null;
      setUpload({ kind: "error", message: failure(error), retry });
    }
  }

  async function choose(source: PickSource) {
    let file: PickedFile | null;
    try {
      file = await pickFile(source, line.requirement.acceptedTypes);
    } catch (error) {
      setUpload({ kind: "error", message: failure(error), retry: null });
      return;
    }
    if (!file) return;
    if (file.size !== null && file.size > maxBytes) {
      const message = t("documents.tooLarge", { name: file.name, max: megabytes(maxBytes) });
      setUpload({ kind: "error", message, retry: null });
      return;
    }
    await send({ file, idempotencyKey: createIdempotencyKey() });
  }

  return (
    <View style={styles.line}>
      <AppText style={styles.name}>{name}</AppText>
      <AppText variant="small">{t(`documents.states.${line.state}`)}</AppText>
      {line.requirement.hint ? <AppText variant="muted">{line.requirement.hint}</AppText> : null}
      {line.state === "rejected" && current?.reviewReason ? (
        <AppText>{t("documents.rejectedBecause", { reason: current.reviewReason })}</AppText>
      ) : null}
      {current ? (
        <AppText variant="small">
          {t("documents.current", { name: current.fileName ?? "", version: current.version })}
        </AppText>
      ) : null}
      {upload?.kind === "sending" ? (
        <ProgressBar label={t("documents.uploading", { name: upload.name })} fraction={upload.fraction} />
      ) : null}
      {upload?.kind === "done" ? (
        <Notice tone="success" message={t("documents.uploaded", { name: upload.name })} />
      ) : null}
      {upload?.kind === "error" ? <Notice tone="danger" message={upload.message} /> : null}
      {upload?.kind === "error" && upload.retry ? (
        <Button
          label={t("documents.retry")}
          accessibilityLabel={t("documents.retryFor", { name: upload.retry.file.name })}
          onPress={() => upload.retry && void send(upload.retry)}
        />
      ) : null}
      <View style={styles.buttons}>
        {SOURCES.map((source) => (
          <Button
            key={source}
            variant="secondary"
            label={t(`documents.${source}`)}
            accessibilityLabel={t(`documents.${source}For`, { name })}
            disabled={sending}
            onPress={() => void choose(source)}
          />
        ))}
      </View>
    </View>
  );
}

/** The case's checklist on the phone: each line's state in words, the reason of a rejection, uploads. */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const checklist = useCaseDocuments(caseId);
  return (
    <Card title={t("documents.title")}>
      {checklist.isError ? <Notice tone="danger" message={t("common.error")} /> : null}
      {checklist.data?.lines.length === 0 ? <AppText variant="muted">{t("documents.empty")}</AppText> : null}
      {checklist.data && checklist.data.lines.length > 0 ? (
        <AppText variant="muted">{t("documents.limit", { max: megabytes(checklist.data.maxBytes) })}</AppText>
      ) : null}
      {checklist.data?.lines.map((line) => (
        <DocumentLine
          key={`${line.requirement.id}:${line.applicant?.id ?? ""}`}
          line={line}
          caseId={caseId}
          maxBytes={checklist.data.maxBytes}
        />
      ))}
    </Card>
  );
}

const styles = StyleSheet.create({
  line: { gap: 4, paddingVertical: 8 },
  name: { fontWeight: "600" },
  buttons: { flexDirection: "row", flexWrap: "wrap", gap: 8 },
  track: { height: 8, borderRadius: 4, overflow: "hidden" },
  fill: { height: 8 },
});
