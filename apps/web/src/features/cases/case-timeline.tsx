import { useCaseNotes, useCaseTimeline } from "@referral-app/api-client/react";
import { CASE_OUTCOMES, VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type { CaseNote, CaseTimelineEntry } from "@referral-app/shared/schemas/case";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/use-format.ts";
import { QueryError } from "./query-error.tsx";

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const isStage = (value: unknown): value is VisaStageId => VISA_STAGE_IDS.includes(value as VisaStageId);

/** The entry in the client's words, from its kind and data (never the server's English summary). */
export function timelineTitle(entry: CaseTimelineEntry, t: TFunction): string {
  const { data } = entry;
  switch (entry.kind) {
    case "opened":
      return t("cases.timeline.opened");
    case "stage_changed": {
      if (!isStage(data.toStage)) return t("cases.timeline.detailsChanged");
      const to = t(`visa.stages.${data.toStage}`);
      return isStage(data.fromStage)
        ? t("cases.timeline.stageChanged", { from: t(`visa.stages.${data.fromStage}`), to })
        : t("cases.timeline.stageSet", { to });
    }
    case "note_added":
      return t("cases.timeline.noteAdded");
    case "task_created":
      return t("cases.timeline.taskCreated", { title: text(data.title) ?? "" });
    case "task_completed":
      return t("cases.timeline.taskCompleted", { title: text(data.title) ?? "" });
    case "consultant_assigned": {
      const name = text(data.consultantName);
      return name ? t("cases.timeline.consultantAssigned", { name }) : t("cases.timeline.consultantRemoved");
    }
    case "details_changed":
      return t("cases.timeline.detailsChanged");
    case "outcome_decided": {
      const outcome = CASE_OUTCOMES.find((item) => item === data.outcome);
      return outcome
        ? t("cases.timeline.outcomeDecided", { outcome: t(`cases.outcomes.${outcome}`) })
        : t("cases.timeline.detailsChanged");
    }
    case "reopened":
      return t("cases.timeline.reopened");
    case "message":
      return t("cases.timeline.message");
    case "payment_completed": {
      const number = text(data.invoiceNumber);
      return number
        ? t("cases.timeline.paymentCompleted", { number })
        : t("cases.timeline.paymentCompletedPlain");
    }
  }
}

/** What was written with the entry: the note, the note with a stage move or decision, the message. */
function timelineBody(entry: CaseTimelineEntry, notes: readonly CaseNote[]): string | null {
  const noteId = text(entry.data.noteId);
  const note = noteId ? notes.find((item) => item.id === noteId) : undefined;
  return note?.body ?? text(entry.data.note) ?? text(entry.data.firstLine);
}

export function CaseTimelineList({
  entries,
  notes,
}: {
  entries: readonly CaseTimelineEntry[];
  notes: readonly CaseNote[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entries.length === 0) return <p className="text-sm text-muted">{t("cases.timeline.empty")}</p>;
  // Newest first: what happened last is what the client came to see.
  const newestFirst = [...entries].reverse();
  return (
    <ol className="space-y-4 border-s-2 border-border ps-4 text-sm">
      {newestFirst.map((entry) => {
        const body = timelineBody(entry, notes);
        const thread = entry.kind === "message" ? text(entry.data.conversationId) : null;
        return (
          <li key={entry.id} className="min-w-0">
            <p className="font-medium break-words">{timelineTitle(entry, t)}</p>
            <p className="text-xs text-muted">
              <time dateTime={entry.createdAt}>{format.dateTime(entry.createdAt)}</time>
              {entry.actorName ? ` · ${t("cases.timeline.by", { name: entry.actorName })}` : ""}
            </p>
            {body ? <p className="mt-1 whitespace-pre-line break-words text-muted">{body}</p> : null}
            {thread ? (
              <Link
                to={`/messages/${thread}`}
                className="mt-1 inline-block text-xs font-medium text-brand underline-offset-2 hover:underline"
              >
                {t("cases.timeline.openThread")}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The case's timeline as the client may see it: stage moves, notes, tasks, decisions and messages. */
export function CaseTimelineCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const timeline = useCaseTimeline(caseId);
  const notes = useCaseNotes(caseId);
  let body = <SkeletonList label={t("app.loading")} lines={3} />;
  if (timeline.data) body = <CaseTimelineList entries={timeline.data} notes={notes.data ?? []} />;
  else if (timeline.error) body = <QueryError query={timeline} />;
  return <Card title={t("cases.timeline.title")}>{body}</Card>;
}
