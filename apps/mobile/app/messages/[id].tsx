import { useLocalSearchParams } from "expo-router";
import { ConversationScreen } from "../../src/screens/conversation-screen";

export default function ConversationRoute() {
  const { id } = useLocalSearchParams<{ id: string }>();
  return <ConversationScreen id={id} />;
}
