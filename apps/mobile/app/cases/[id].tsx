import { useLocalSearchParams, useRouter } from "expo-router";
import { CaseScreen } from "../../src/screens/case-screen";

export default function CaseRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  const router = useRouter();
  return (
    <CaseScreen
      id={id}
      onOpenConversation={(conversationId) =>
        router.push({ pathname: "/messages/[id]", params: { id: conversationId } })
      }
    />
  );
}
