import { useCaseConversation, useOpenConversation } from "@referral-app/api-client/react/message-hooks";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { apiErrorMessage } from "../../forms/api-error-message.ts";

/** "Message your consultant": opens the case's one consultation thread (creating it the first time). */
export function MessageConsultantButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const existing = useCaseConversation(caseId);
  const open = useOpenConversation();
  const unread = existing.data?.unreadCount ?? 0;
  return (
    <div className="mt-3 space-y-1">
      <Button
        size="sm"
        loading={open.isPending}
        onClick={() =>
          open.mutate(
            { type: "consultation", caseId },
            { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`) },
          )
        }
      >
        {t("messages.messageConsultant")}
        {unread > 0 ? <Badge tone="danger">{t("messages.unread", { count: unread })}</Badge> : null}
      </Button>
      {open.error ? (
        <p role="alert" className="text-sm text-danger">
          {apiErrorMessage(open.error, t)}
        </p>
      ) : null}
    </div>
  );
}
