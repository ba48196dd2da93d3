import { useConversations } from "@referral-app/api-client/react/message-hooks";
import { formatDateTime } from "@referral-app/shared/formatting";
import { Badge } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Link } from "react-router";
import { strings } from "../../strings.ts";
import { messageStrings as words } from "./message-strings.ts";

/** The organisation's group threads with staff. */
export function Component() {
  const list = useConversations();
  const items = list.data?.data ?? [];
  return (
    <>
      <PageHeader title={words.title} description={words.intro} />
      <Card>
        <QueryState query={list} loadingLabel={strings.app.loading}>
          {items.length === 0 ? (
            <p className="text-sm text-muted">{words.empty}</p>
          ) : (
            <ul className="divide-y divide-border">
              {items.map((conversation) => (
                <li key={conversation.id}>
                  <Link
                    to={`/messages/${conversation.id}`}
                    className="flex items-start justify-between gap-3 rounded-lg px-2 py-3 hover:bg-subtle"
                  >
                    <span className="min-w-0">
                      <span className={conversation.unreadCount > 0 ? "font-semibold" : "font-medium"}>
                        {conversation.subject ?? words.untitled}
                      </span>
                      <span className="block truncate text-sm text-muted">
                        {conversation.lastMessage?.body || words.noMessages}
                      </span>
                    </span>
                    <span className="flex shrink-0 flex-col items-end gap-1 text-xs text-muted">
                      {formatDateTime(conversation.lastActivityAt)}
                      {conversation.unreadCount > 0 ? (
                        <Badge tone="danger">{words.unread(conversation.unreadCount)}</Badge>
                      ) : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </Card>
    </>
  );
}
