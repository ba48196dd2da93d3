import { useSession } from "@referral-app/api-client/react";
import { useSavedReplies } from "@referral-app/api-client/react/message-hooks";
import { MessageThread } from "@referral-app/app-kit/message-thread";
import { formatDateTime } from "@referral-app/shared/formatting";
import { Field, Select } from "@referral-app/ui/form";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { thread, messageStrings as words } from "./message-strings.ts";

/** The thread for staff, with saved replies to drop into the reply box. */
export function StaffThread({ conversationId }: { conversationId: string }) {
  const session = useSession();
  const replies = useSavedReplies();
  const [insert, setInsert] = useState<{ text: string; nonce: number }>();
  if (!session.data) return null;
  const picker =
    replies.data && replies.data.length > 0 ? (
      <Field label={words.insertReply}>
        <Select
          value=""
          onChange={(event) => {
            const reply = replies.data?.find((entry) => entry.id === event.target.value);
            if (reply) setInsert({ text: reply.body, nonce: Date.now() });
          }}
        >
          <option value="">{words.pickReply}</option>
          {replies.data.map((reply) => (
            <option key={reply.id} value={reply.id}>
              {reply.title}
            </option>
          ))}
        </Select>
      </Field>
    ) : null;
  return (
    <MessageThread
      conversationId={conversationId}
      currentUserId={session.data.user.id}
      strings={thread}
      formatTime={(iso) => formatDateTime(iso)}
      describeError={errorMessage}
      insert={insert}
      composerExtras={picker}
    />
  );
}
