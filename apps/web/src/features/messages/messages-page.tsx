import { useConversations, useOpenConversation } from "@referral-app/api-client/react/message-hooks";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { Field, FormMessage, Input } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { conversationTitle } from "./conversation-title.ts";
import { MessageSearch } from "./message-search.tsx";

function AskTeam() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenConversation();
  const [subject, setSubject] = useState("");
  return (
    <Card title={t("messages.askTeam")}>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          open.mutate(
            { type: "support", subject: subject.trim() || undefined },
            { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`) },
          );
        }}
      >
        <Field label={t("messages.subjectLabel")} className="min-w-60 flex-1">
          <Input value={subject} maxLength={200} onChange={(event) => setSubject(event.target.value)} />
        </Field>
        <Button type="submit" loading={open.isPending}>
          {t("messages.start")}
        </Button>
      </form>
      {open.error ? <FormMessage tone="error">{apiErrorMessage(open.error, t)}</FormMessage> : null}
    </Card>
  );
}

/** The Messages tab: every conversation, newest activity first, with unread markers. */
export function Component() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useConversations();
  const items = list.data?.data;
  return (
    <div className="space-y-6">
      <PageTitle title={t("messages.title")} />
      <div>
        <h1 className="text-2xl font-semibold">{t("messages.title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("messages.intro")}</p>
      </div>
      <MessageSearch />
      <Card>
        {list.error ? (
          <p role="alert" className="text-sm text-danger">
            {apiErrorMessage(list.error, t)}
          </p>
        ) : !items ? (
          <SkeletonList label={t("app.loading")} lines={3} />
        ) : items.length === 0 ? (
          <EmptyState title={t("messages.empty")} description={t("messages.emptyHint")} />
        ) : (
          <ul className="divide-y divide-border" data-testid="conversation-list">
            {items.map((conversation) => (
              <li key={conversation.id}>
                <Link
                  to={`/messages/${conversation.id}`}
                  className="flex items-start justify-between gap-3 rounded-lg px-2 py-3 hover:bg-subtle focus-visible:outline-2"
                >
                  <span className="min-w-0">
                    <span className={conversation.unreadCount > 0 ? "font-semibold" : "font-medium"}>
                      {conversationTitle(conversation, t)}
                    </span>
                    <span className="mt-0.5 block truncate text-sm text-muted">
                      {conversation.lastMessage
                        ? conversation.lastMessage.deletedAt
                          ? t("messages.thread.deleted")
                          : conversation.lastMessage.body ||
                            `📎 ${conversation.lastMessage.attachments[0]?.fileName ?? ""}`
                        : t("messages.noMessages")}
                    </span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1 text-xs text-muted">
                    <time dateTime={conversation.lastActivityAt}>
                      {format.relative(conversation.lastActivityAt)}
                    </time>
                    {conversation.unreadCount > 0 ? (
                      <Badge tone="danger">{t("messages.unread", { count: conversation.unreadCount })}</Badge>
                    ) : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <AskTeam />
    </div>
  );
}
