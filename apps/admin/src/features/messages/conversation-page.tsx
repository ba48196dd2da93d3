import { isApiError } from "@referral-app/api-client/errors";
import { useConversation } from "@referral-app/api-client/react/message-hooks";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { Link, useParams } from "react-router";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { STATE_LABELS, messageStrings as words } from "./message-strings.ts";
import { StaffThread } from "./staff-thread.tsx";

/** One conversation for staff: a support question from the inbox, or a case's consultation. */
export function Component() {
  const { id = "" } = useParams();
  const conversation = useConversation(id);
  const data = conversation.data;
  const title =
    data?.type === "consultation" && data.caseNumber
      ? `${words.caseMessages} · ${data.caseNumber}`
      : (data?.subject ?? words.conversationTitle);
  return (
    <>
      <Link to="/messages" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
        {words.back}
      </Link>
      <PageHeader title={title} description={data ? STATE_LABELS[data.state] : undefined} />
      {data?.caseId ? (
        <p className="mb-4 text-sm">
          <Link to={`/cases/${data.caseId}`} className="text-brand underline-offset-4 hover:underline">
            {data.caseNumber}
          </Link>
        </p>
      ) : null}
      <Card>
        {conversation.error ? (
          <p role="alert" className="text-sm text-danger">
            {isApiError(conversation.error) && conversation.error.status === 404
              ? words.notParticipant
              : errorMessage(conversation.error)}
          </p>
        ) : !data ? (
          <SkeletonList label={strings.app.loading} lines={3} />
        ) : (
          <StaffThread conversationId={id} />
        )}
      </Card>
    </>
  );
}
