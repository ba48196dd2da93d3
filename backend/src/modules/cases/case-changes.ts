import type { CaseTimelineKind, NoteVisibility } from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { recordEvent } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { insertTimelineEntry } from "./case-activity.repository.ts";
import { caseAudience } from "./cases.repository.ts";

export interface CaseChange {
  case: { id: string; number: string; clientId: string };
  actorId: string | null;
  kind: CaseTimelineKind;
  /** One English sentence for the timeline (apps build their own words from kind + data). */
  summary: string;
  /** Client-visible entries carry no staff ids. */
  data: Record<string, unknown>;
  visibility: NoteVisibility;
  audit: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> };
  event: { name: string; properties?: Record<string, unknown> };
  /** Everyone following the case (the client and applicants with accounts), staff members by id. */
  notify?: {
    to: "case" | string[];
    title: string;
    body: string;
    /** Rendered in each recipient's language at delivery (lib/messages.ts); title/body are the English. */
    message?: { key: string; params: Record<string, string> };
    /** Unique per change: a retried job delivers once. */
    key: string;
    type?: "status_update" | "reminder" | "system";
  };
  at?: Date;
}

/**
 * The one way a case changes: its timeline entry, the audit row, the notifications and the
 * analytics event, all in the caller's transaction, so they exist exactly when the change does.
 */
export async function recordCaseChange(ctx: AppContext, tx: Tx, change: CaseChange): Promise<void> {
  const caseId = change.case.id;
  await insertTimelineEntry(tx, {
    caseId,
    kind: change.kind,
    summary: change.summary,
    data: change.data,
    actorId: change.actorId,
    visibility: change.visibility,
    ...(change.at ? { createdAt: change.at } : {}),
  });
  await writeAudit(tx, {
    actorId: change.actorId,
    action: change.audit.action,
    entityType: "case",
    entityId: caseId,
    before: change.audit.before ?? null,
    after: change.audit.after ?? null,
  });
  await recordEvent(tx, {
    name: change.event.name,
    userId: change.actorId,
    properties: { caseId, caseNumber: change.case.number, ...change.event.properties },
  });
  const notify = change.notify;
  if (!notify) return;
  const recipients =
    notify.to === "case" ? await caseAudience(tx, caseId, change.case.clientId) : [...new Set(notify.to)];
  for (const userId of recipients) {
    if (userId === change.actorId) continue;
    await enqueueNotification(ctx, tx, {
      userId,
      type: notify.type ?? "status_update",
      title: notify.title,
      body: notify.body,
      ...(notify.message ? { message: notify.message } : {}),
      data: { kind: "case", caseId, caseNumber: change.case.number, change: change.kind },
      dedupeKey: `case:${caseId}:${notify.key}:${userId}`,
    });
  }
}
