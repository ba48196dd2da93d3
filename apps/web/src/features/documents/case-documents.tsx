import { useApi, useCaseDocuments } from "@referral-app/api-client/react";
import type { ChecklistLine, ChecklistState } from "@referral-app/shared/schemas/document";
import { Badge, type BadgeTone } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { QueryError } from "../cases/query-error.tsx";
import { DocumentSharing } from "./document-sharing.tsx";
import { startUpload } from "./document-upload.ts";

const TONES: Record<ChecklistState, BadgeTone> = {
  missing: "warning",
  rejected: "danger",
  expired: "danger",
  expiring: "warning",
  uploaded: "info",
  accepted: "success",
};

interface FileProgress {
  key: string;
  name: string;
  fraction: number;
  error: string | null;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

function ChecklistRow({ line, caseId, maxBytes }: { line: ChecklistLine; caseId: string; maxBytes: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { client } = useApi();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<FileProgress[]>([]);
  const [dragging, setDragging] = useState(false);
  const name = line.applicant ? `${line.requirement.name} (${line.applicant.name})` : line.requirement.name;
  const update = (key: string, change: Partial<FileProgress>) =>
    setFiles((all) => all.map((file) => (file.key === key ? { ...file, ...change } : file)));

  function send(list: FileList | File[]) {
    for (const file of Array.from(list)) {
      const key = `${file.name}-${file.size}-${Date.now()}`;
      if (file.size > maxBytes) {
        const message = t("documents.tooLarge", { name: file.name, max: megabytes(maxBytes) });
        setFiles((all) => [...all, { key, name: file.name, fraction: 0, error: message }]);
        continue;
      }
      setFiles((all) => [...all, { key, name: file.name, fraction: 0, error: null }]);
      startUpload(
        client.config.baseURL,
        file,
        { caseId, requirementId: line.requirement.id, applicantId: line.applicant?.id ?? null },
        {
          onProgress: (fraction) => update(key, { fraction }),
          onDone: () => {
            setFiles((all) => all.filter((entry) => entry.key !== key));
            void queryClient.invalidateQueries({ queryKey: ["documents", "checklist", caseId] });
          },
          onFail: (message) => update(key, { error: message ?? t("documents.uploadFailed") }),
        },
      );
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files);
  };
  const current = line.document?.current;
  return (
    <li
      className={`rounded-lg border p-3 ${dragging ? "border-brand bg-brand-soft" : "border-border"}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">{name}</p>
          {line.requirement.hint ? <p className="text-xs text-muted">{line.requirement.hint}</p> : null}
        </div>
        <Badge tone={TONES[line.state]}>{t(`documents.states.${line.state}`)}</Badge>
      </div>
      {line.state === "rejected" && current?.reviewReason ? (
        <p className="mt-2 rounded bg-subtle p-2 text-sm" role="note">
          {t("documents.rejectedBecause", { reason: current.reviewReason })}
        </p>
      ) : null}
      {(line.state === "expiring" || line.state === "expired") && line.document?.validUntil ? (
        <p className="mt-2 text-sm">
          {t("documents.validUntil", { date: format.date(line.document.validUntil) })}
        </p>
      ) : null}
      {current ? (
        <p className="mt-1 text-xs text-muted">
          {t("documents.current", { name: current.fileName ?? "", version: current.version })}
        </p>
      ) : null}
      <ul className="mt-2 space-y-2">
        {files.map((file) => (
          <li key={file.key} className="text-sm">
            {file.error ? (
              <p role="alert" className="text-danger">
                {file.error}
              </p>
            ) : (
              <label className="block">
                <span className="text-xs">{t("documents.uploading", { name: file.name })}</span>
                <progress className="block w-full" max={1} value={file.fraction} />
              </label>
            )}
          </li>
        ))}
      </ul>
      <label className="mt-2 inline-flex cursor-pointer items-center rounded-md border border-border px-3 py-1.5 text-sm font-medium focus-within:ring-2">
        {current ? t("documents.uploadNew") : t("documents.upload")}
        <input
          type="file"
          className="sr-only"
          multiple
          accept={line.requirement.acceptedTypes.join(",")}
          aria-label={t("documents.uploadFor", { name })}
          onChange={(event) => {
            if (event.target.files) send(event.target.files);
            event.target.value = "";
          }}
        />
      </label>
    </li>
  );
}

/** The case's checklist for the client: what is needed now, what was rejected and why, what runs out. */
export function CaseDocumentsCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const checklist = useCaseDocuments(caseId);
  let body = <SkeletonList label={t("app.loading")} lines={3} />;
  if (checklist.data?.lines.length === 0) body = <p className="text-sm text-muted">{t("documents.empty")}</p>;
  else if (checklist.data) {
    const now = checklist.data.lines.filter((line) => line.neededNow);
    const later = checklist.data.lines.filter((line) => !line.neededNow);
    const rows = (lines: ChecklistLine[]) => (
      <ul className="space-y-3">
        {lines.map((line) => (
          <ChecklistRow
            key={`${line.requirement.id}:${line.applicant?.id ?? ""}`}
            line={line}
            caseId={caseId}
            maxBytes={checklist.data.maxBytes}
          />
        ))}
      </ul>
    );
    body = (
      <div className="space-y-4">
        <p className="text-sm text-muted">
          {t("documents.dropHint", { max: megabytes(checklist.data.maxBytes) })}
        </p>
        {now.length > 0 ? (
          <section>
            <h3 className="mb-2 text-sm font-semibold">{t("documents.neededNow")}</h3>
            {rows(now)}
          </section>
        ) : null}
        {later.length > 0 ? (
          <section>
            <h3 className="mb-2 text-sm font-semibold">{t("documents.later")}</h3>
            {rows(later)}
          </section>
        ) : null}
        {checklist.data.sharing ? <DocumentSharing caseId={caseId} sharing={checklist.data.sharing} /> : null}
      </div>
    );
  } else if (checklist.error) body = <QueryError query={checklist} />;
  return <Card title={t("documents.title")}>{body}</Card>;
}
