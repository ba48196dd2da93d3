import { useMessageSearch } from "@referral-app/api-client/react/message-hooks";
import { Field, Input } from "@referral-app/ui/form";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Full-text search over the caller's messages, matches highlighted (never HTML from the server). */
export function MessageSearch({ basePath = "/messages" }: { basePath?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q);
  const results = useMessageSearch(deferred);
  return (
    <div className="space-y-2">
      <Field label={t("messages.search")}>
        <Input type="search" value={q} maxLength={200} onChange={(event) => setQ(event.target.value)} />
      </Field>
      {deferred.trim().length >= 2 && results.data ? (
        results.data.length === 0 ? (
          <p className="text-sm text-muted">{t("messages.searchNone")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {results.data.map((result) => (
              <li key={result.message.id}>
                <Link
                  to={`${basePath}/${result.message.conversationId}`}
                  className="block rounded-lg bg-subtle px-3 py-2 hover:bg-brand-soft"
                >
                  <span className="text-xs text-muted">{result.message.senderName}</span>
                  <span className="block">
                    {result.excerpt.map((piece, index) =>
                      piece.match ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: pieces have no identity beyond their order
                        <mark key={index} className="rounded bg-warning/30 px-0.5 text-fg">
                          {piece.text}
                        </mark>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <span key={index}>{piece.text}</span>
                      ),
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
