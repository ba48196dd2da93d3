import { useRouter } from "expo-router";
import { MessagesScreen } from "../../src/screens/messages-screen";

export default function MessagesTab() {
  const router = useRouter();
  return <MessagesScreen onOpen={(id) => router.push({ pathname: "/messages/[id]", params: { id } })} />;
}
