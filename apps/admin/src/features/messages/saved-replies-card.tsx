import { useSession } from "@referral-app/api-client/react";
import { useCreateSavedReply, useSavedReplies } from "@referral-app/api-client/react/message-hooks";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Field, FormMessage, Input, Textarea } from "@referral-app/ui/form";
import { QueryState } from "@referral-app/ui/query-state";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { messageStrings as words } from "./message-strings.ts";
import { SavedReplyItem } from "./saved-reply-item.tsx";

/** The saved replies; admins add, change and delete them here. */
export function SavedRepliesCard() {
  const session = useSession();
  const replies = useSavedReplies();
  const create = useCreateSavedReply();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const isAdmin = session.data?.user.role === "admin";
  return (
    <Card title={words.savedReplies}>
      <QueryState query={replies} loadingLabel={strings.app.loading}>
        {replies.data?.length === 0 ? (
          <p className="text-sm text-muted">{words.noReplies}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {replies.data?.map((reply) => (
              <SavedReplyItem key={reply.id} reply={reply} canManage={isAdmin} />
            ))}
          </ul>
        )}
      </QueryState>
      {isAdmin ? (
        <form
          className="mt-4 space-y-3 border-t border-border pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              { title, body },
              {
                onSuccess: () => {
                  setTitle("");
                  setBody("");
                },
              },
            );
          }}
        >
          <h3 className="text-sm font-semibold">{words.newReply}</h3>
          <Field label={words.replyTitle}>
            <Input value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} />
          </Field>
          <Field label={words.replyBody}>
            <Textarea value={body} maxLength={5000} onChange={(event) => setBody(event.target.value)} />
          </Field>
          {create.error ? <FormMessage tone="error">{errorMessage(create.error)}</FormMessage> : null}
          <Button type="submit" size="sm" loading={create.isPending} disabled={!title.trim() || !body.trim()}>
            {words.addReply}
          </Button>
        </form>
      ) : null}
    </Card>
  );
}
