import {
  useCaseConversation,
  useJoinConversation,
  useOpenConversation,
} from "@referral-app/api-client/react/message-hooks";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { QueryState } from "@referral-app/ui/query-state";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { messageStrings as words } from "./message-strings.ts";
import { StaffThread } from "./staff-thread.tsx";

/** The case's consultation beside the case: read and answer it, or join it first. */
export function CaseMessagesCard({ caseId }: { caseId: string }) {
  const conversation = useCaseConversation(caseId);
  const join = useJoinConversation();
  const open = useOpenConversation();
  const data = conversation.data;
  const failure = join.error ?? open.error;
  return (
    <Card title={words.caseMessages} description={data ? words.messages(data.messageCount) : undefined}>
      <QueryState query={conversation} loadingLabel={strings.app.loading}>
        {data === null ? (
          <div className="space-y-3">
            <p className="text-sm text-muted">{words.caseMessagesNone}</p>
            <Button
              size="sm"
              loading={open.isPending}
              onClick={() => open.mutate({ type: "consultation", caseId })}
            >
              {words.startCaseConversation}
            </Button>
          </div>
        ) : data && !data.isParticipant ? (
          <Button size="sm" loading={join.isPending} onClick={() => join.mutate(data.id)}>
            {words.join}
          </Button>
        ) : data ? (
          <StaffThread conversationId={data.id} />
        ) : null}
      </QueryState>
      {failure ? <FormMessage tone="error">{errorMessage(failure)}</FormMessage> : null}
    </Card>
  );
}
