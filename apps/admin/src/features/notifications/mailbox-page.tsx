import { useMailbox } from "@referral-app/api-client/react/admin-ops-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { useState } from "react";
import { strings } from "../../strings.ts";

/**
 * Mail the development server kept instead of sending (no SMTP_URL): sign-up links, invitations,
 * notifications. The server hides link secrets from non-admins; the page says so.
 */
export function Component() {
  const [page, setPage] = useState(1);
  const mailbox = useMailbox(page);
  const mails = mailbox.data?.data ?? [];
  const pages = mailbox.data?.pagination.pages ?? 1;
  return (
    <>
      <PageHeader title={strings.mailbox.title} description={strings.mailbox.description} />
      <p role="note" className="mb-4 rounded-card border border-border bg-subtle p-4 text-sm">
        {strings.mailbox.notice}
      </p>
      <QueryState
        query={mailbox}
        loadingLabel={strings.mailbox.loading}
        empty={mails.length === 0}
        emptyTitle={strings.mailbox.empty}
      >
        <ul className="space-y-3">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Card>
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium">{mail.subject}</span>
                    <span className="block text-sm text-muted">
                      {strings.mailbox.to} {mail.to} · {formatDateTime(mail.createdAt)}
                    </span>
                  </summary>
                  {mail.linksHidden ? (
                    <p className="mt-3 text-sm text-muted">{strings.mailbox.linksHidden}</p>
                  ) : null}
                  <pre className="mt-3 overflow-x-auto whitespace-pre-wrap rounded-lg bg-subtle p-3 text-sm">
                    {mail.text}
                  </pre>
                </details>
              </Card>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex items-center justify-between gap-2">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {strings.mailbox.previous}
          </Button>
          <p className="text-sm text-muted">{strings.mailbox.page(page, pages)}</p>
          <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {strings.mailbox.next}
          </Button>
        </div>
      </QueryState>
    </>
  );
}
