import { useDeleteSavedReply, useUpdateSavedReply } from "@referral-app/api-client/react/message-hooks";
import type { SavedReply } from "@referral-app/shared/schemas/conversation";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Field, FormMessage, Input, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { messageStrings as words } from "./message-strings.ts";

/** One saved reply; admins may change it in place or delete it after confirming. */
export function SavedReplyItem({ reply, canManage }: { reply: SavedReply; canManage: boolean }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteSavedReply();
  const { toast } = useToast();
  if (editing) return <EditReplyForm reply={reply} onDone={() => setEditing(false)} />;
  return (
    <li>
      <p className="font-medium">{reply.title}</p>
      <p className="line-clamp-2 whitespace-pre-line text-muted">{reply.body}</p>
      {canManage ? (
        <div className="mt-1 flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            aria-label={words.editReplyOf(reply.title)}
            onClick={() => setEditing(true)}
          >
            {words.editReply}
          </Button>
          <Button
            size="sm"
            variant="secondary"
            aria-label={words.deleteReplyOf(reply.title)}
            onClick={() => setConfirming(true)}
          >
            {words.deleteReply}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={words.deleteReplyTitle(reply.title)}
        description={words.deleteReplyBody}
        confirmLabel={words.deleteReply}
        cancelLabel={strings.common.cancel}
        closeLabel={strings.common.close}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(reply.id, {
            onSuccess: () => {
              setConfirming(false);
              toast({ title: words.replyDeleted, tone: "success" });
            },
            onError: (error) => toast({ title: errorMessage(error), tone: "error" }),
          })
        }
      />
    </li>
  );
}

function EditReplyForm({ reply, onDone }: { reply: SavedReply; onDone: () => void }) {
  const update = useUpdateSavedReply();
  const [title, setTitle] = useState(reply.title);
  const [body, setBody] = useState(reply.body);
  return (
    <li>
      <form
        aria-label={words.editReplyOf(reply.title)}
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ id: reply.id, data: { title, body } }, { onSuccess: onDone });
        }}
      >
        <Field label={words.replyTitle}>
          <Input value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label={words.replyBody}>
          <Textarea value={body} maxLength={5000} onChange={(event) => setBody(event.target.value)} />
        </Field>
        {update.error ? <FormMessage tone="error">{errorMessage(update.error)}</FormMessage> : null}
        <div className="flex gap-2">
          <Button type="submit" size="sm" loading={update.isPending} disabled={!title.trim() || !body.trim()}>
            {words.saveReply}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={onDone}>
            {strings.common.cancel}
          </Button>
        </div>
      </form>
    </li>
  );
}
