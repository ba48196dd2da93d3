import { useSession } from "@referral-app/api-client/react";
import { useConversation } from "@referral-app/api-client/react/message-hooks";
import { MessageThread } from "@referral-app/app-kit/message-thread";
import { formatDateTime } from "@referral-app/shared/formatting";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { thread, messageStrings as words } from "./message-strings.ts";

/** One group thread with the consultancy. */
export function Component() {
  const { id = "" } = useParams();
  const session = useSession();
  const conversation = useConversation(id);
  return (
    <>
      <Link to="/messages" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
        {words.back}
      </Link>
      <PageHeader title={conversation.data?.subject ?? words.untitled} />
      <Card>
        {conversation.error ? (
          <p role="alert" className="text-sm text-danger">
            {errorMessage(conversation.error)}
          </p>
        ) : !session.data || !conversation.data ? (
          <SkeletonList label={strings.app.loading} lines={3} />
        ) : (
          <MessageThread
            conversationId={id}
            currentUserId={session.data.user.id}
            strings={thread}
            formatTime={(iso) => formatDateTime(iso)}
            describeError={errorMessage}
          />
        )}
      </Card>
    </>
  );
}
