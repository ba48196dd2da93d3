import { useSession } from "@referral-app/api-client/react";
import { useStaffMembers } from "@referral-app/api-client/react/case-admin-hooks";
import { useInbox, useUpdateSupportConversation } from "@referral-app/api-client/react/message-hooks";
import { formatDateTime } from "@referral-app/shared/formatting";
import {
  CONVERSATION_STATES,
  type ConversationState,
  type InboxItem,
} from "@referral-app/shared/schemas/conversation";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Checkbox, Field, FormMessage, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { STATE_LABELS, messageStrings as words } from "./message-strings.ts";
import { SavedRepliesCard } from "./saved-replies-card.tsx";

function InboxRow({ item, staff }: { item: InboxItem; staff: { id: string; name: string }[] }) {
  const session = useSession();
  const update = useUpdateSupportConversation();
  const subject = item.subject ?? words.noSubject;
  return (
    <li className="space-y-2 py-3" data-testid="inbox-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          {item.isParticipant ? (
            <Link
              to={`/messages/${item.id}`}
              className="font-medium text-brand underline-offset-4 hover:underline"
            >
              {subject}
            </Link>
          ) : (
            <span className="font-medium">{subject}</span>
          )}
          <p className="text-sm text-muted">
            {item.client ? `${item.client.name} · ${item.client.email}` : ""} ·{" "}
            {words.messages(item.messageCount)}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={item.state === "closed" ? "neutral" : item.state === "open" ? "info" : "accent"}>
            {STATE_LABELS[item.state]}
          </Badge>
          {item.overdue ? <Badge tone="danger">{words.overdue}</Badge> : null}
          {item.firstRespondedAt ? (
            <Badge tone="success">{words.answered}</Badge>
          ) : (
            <span className="text-muted">
              {words.columns.due}: {formatDateTime(item.firstResponseDueAt)}
            </span>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        {item.assignee?.id !== session.data?.user.id ? (
          <Button
            size="sm"
            loading={update.isPending}
            onClick={() => update.mutate({ id: item.id, data: { assigneeId: session.data!.user.id } })}
          >
            {words.take}
          </Button>
        ) : null}
        <Field label={words.assignTo(subject)} className="w-56">
          <Select
            value={item.assignee?.id ?? ""}
            onChange={(event) =>
              update.mutate({ id: item.id, data: { assigneeId: event.target.value || null } })
            }
          >
            <option value="">{words.nobody}</option>
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={words.stateOf(subject)} className="w-48">
          <Select
            value={item.state}
            onChange={(event) =>
              update.mutate({ id: item.id, data: { state: event.target.value as ConversationState } })
            }
          >
            {CONVERSATION_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {update.error ? <FormMessage tone="error">{errorMessage(update.error)}</FormMessage> : null}
    </li>
  );
}

/** The shared support inbox with its filters, assignment and states. */
export function Component() {
  const [state, setState] = useState<ConversationState | "">("");
  const [assignee, setAssignee] = useState("");
  const [overdue, setOverdue] = useState(false);
  const inbox = useInbox({
    ...(state ? { state } : {}),
    ...(assignee ? { assignee } : {}),
    ...(overdue ? { overdue: true } : {}),
  });
  const staff = useStaffMembers();
  const active = (staff.data ?? []).filter((member) => member.active);
  return (
    <>
      <PageHeader title={words.inboxTitle} description={words.inboxIntro} />
      <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <Card className="lg:col-span-2">
          <div className="mb-4 flex flex-wrap items-end gap-3">
            <Field label={words.filters.state} className="w-48">
              <Select
                value={state}
                onChange={(event) => setState(event.target.value as ConversationState | "")}
              >
                <option value="">{words.filters.any}</option>
                {CONVERSATION_STATES.map((value) => (
                  <option key={value} value={value}>
                    {STATE_LABELS[value]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={words.filters.assignee} className="w-48">
              <Select value={assignee} onChange={(event) => setAssignee(event.target.value)}>
                <option value="">{words.filters.any}</option>
                <option value="me">{words.filters.me}</option>
                <option value="unassigned">{words.filters.unassigned}</option>
                {active.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Checkbox
              variant="switch"
              label={words.filters.overdue}
              checked={overdue}
              onChange={(event) => setOverdue(event.target.checked)}
            />
          </div>
          <QueryState query={inbox} loadingLabel={strings.app.loading}>
            {inbox.data?.data.length === 0 ? (
              <p className="text-sm text-muted">{words.empty}</p>
            ) : (
              <ul className="divide-y divide-border">
                {inbox.data?.data.map((item) => (
                  <InboxRow key={item.id} item={item} staff={active} />
                ))}
              </ul>
            )}
          </QueryState>
        </Card>
        <SavedRepliesCard />
      </div>
    </>
  );
}
