import { useCase } from "@referral-app/api-client/react";
import { useOpenConversation } from "@referral-app/api-client/react/message-hooks";
import { useTranslation } from "react-i18next";
import { Button } from "../components/button";
import { CaseDetail } from "../components/case-detail";
import { Screen } from "../components/screen";

export function CaseScreen({
  id,
  onOpenConversation,
}: {
  id: string;
  onOpenConversation?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const visaCase = useCase(id);
  const open = useOpenConversation();
  return (
    <Screen refreshing={visaCase.isRefetching} onRefresh={() => void visaCase.refetch()}>
      <CaseDetail id={id} />
      {visaCase.data && onOpenConversation ? (
        <Button
          label={t("messages.messageConsultant")}
          busy={open.isPending}
          onPress={() =>
            open.mutate(
              { type: "consultation", caseId: id },
              { onSuccess: (conversation) => onOpenConversation(conversation.id) },
            )
          }
        />
      ) : null}
    </Screen>
  );
}
