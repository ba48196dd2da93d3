import { useSession } from "@referral-app/api-client/react";
import { useConversation } from "@referral-app/api-client/react/message-hooks";
import { MessageThread } from "@referral-app/app-kit/message-thread";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { conversationTitle } from "./conversation-title.ts";
import { threadStrings } from "./thread-strings.ts";

/** One conversation; new messages arrive live through the layout's stream. */
export function Component() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const conversation = useConversation(id);
  const strings = useMemo(() => threadStrings(t), [t]);
  const title = conversation.data ? conversationTitle(conversation.data, t) : t("messages.title");
  return (
    <div className="space-y-4">
      <PageTitle title={title} />
      <Link to="/messages" className="text-sm text-muted underline underline-offset-2">
        {t("messages.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <Card>
        {conversation.error ? (
          <p role="alert" className="text-sm text-danger">
            {apiErrorMessage(conversation.error, t)}
          </p>
        ) : !session.data ? (
          <SkeletonList label={t("app.loading")} lines={3} />
        ) : (
          <MessageThread
            conversationId={id}
            currentUserId={session.data.user.id}
            strings={strings}
            formatTime={format.dateTime}
            describeError={(error) => apiErrorMessage(error, t)}
          />
        )}
      </Card>
    </div>
  );
}
