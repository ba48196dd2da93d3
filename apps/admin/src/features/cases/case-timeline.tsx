import { formatDateTime } from "@referral-app/app-kit/console-format";
import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type { CaseNote, CaseTimelineEntry } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { Link } from "react-router";
import { strings } from "../../strings.ts";

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);
const stage = (value: unknown): string | null =>
  VISA_STAGE_IDS.includes(value as VisaStageId) ? strings.stages[value as VisaStageId] : null;

/** The entry in words from its kind and data; the server's English summary when data is missing. */
export function timelineTitle(entry: CaseTimelineEntry): string {
  const { data } = entry;
  switch (entry.kind) {
    case "opened":
      return strings.timeline.opened;
    case "stage_changed": {
      const to = stage(data.toStage);
      return to ? strings.timeline.stage_changed(stage(data.fromStage), to) : entry.summary;
    }
    case "note_added":
      return strings.timeline.note_added;
    case "task_created": {
      const title = text(data.title);
      return title ? strings.timeline.task_created(title) : entry.summary;
    }
    case "task_completed": {
      const title = text(data.title);
      return title ? strings.timeline.task_completed(title) : entry.summary;
    }
    case "consultant_assigned":
      return "consultantName" in data
        ? strings.timeline.consultant_assigned(text(data.consultantName))
        : entry.summary;
    case "details_changed":
      return strings.timeline.details_changed;
    case "outcome_decided": {
      const outcome = text(data.outcome);
      return outcome && outcome in strings.outcomes
        ? strings.timeline.outcome_decided(strings.outcomes[outcome as keyof typeof strings.outcomes])
        : entry.summary;
    }
    case "reopened":
      return strings.timeline.reopened;
    case "message":
      return strings.timeline.message;
    case "payment_completed":
      return strings.timeline.payment_completed(text(data.invoiceNumber));
  }
}

/** What was written with the entry: the note's body, the note to the client, the reopen reason. */
function timelineBody(entry: CaseTimelineEntry, notes: readonly CaseNote[]): string | null {
  const noteId = text(entry.data.noteId);
  const note = noteId ? notes.find((item) => item.id === noteId) : undefined;
  return (
    note?.body ??
    text(entry.data.body) ??
    text(entry.data.note) ??
    text(entry.data.reason) ??
    text(entry.data.firstLine)
  );
}

/** One timeline for the case: stage changes, notes, tasks and the consultation's messages. */
export function CaseTimeline({
  entries,
  notes,
}: {
  entries: readonly CaseTimelineEntry[];
  notes: readonly CaseNote[];
}) {
  if (entries.length === 0) return <p className="text-sm text-muted">{strings.case.noTimeline}</p>;
  return (
    <ol className="space-y-4 border-s border-border ps-4">
      {entries.map((entry) => {
        const body = timelineBody(entry, notes);
        const thread = entry.kind === "message" ? text(entry.data.conversationId) : null;
        return (
          <li key={entry.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{timelineTitle(entry)}</span>
              {entry.visibility === "internal" ? <Badge>{strings.case.staffOnly}</Badge> : null}
            </div>
            <p className="text-xs text-muted">
              <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
              {entry.actorName ? ` · ${strings.case.by(entry.actorName)}` : ""}
            </p>
            {body ? <p className="mt-1 whitespace-pre-line">{body}</p> : null}
            {thread ? (
              <Link
                className="text-xs font-medium text-brand underline-offset-4 hover:underline"
                to={`/messages/${thread}`}
              >
                {strings.timeline.openThread}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
