import { fixtureUuid, mockConversations } from "@referral-app/api-client/mocks";
import type { Conversation } from "@referral-app/shared/schemas/conversation";
import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage, type TestNetwork } from "../test/test-app";
import { ConversationScreen } from "./conversation-screen";
import { MessagesScreen } from "./messages-screen";

jest.mock("expo-router", () => ({
  useFocusEffect: (effect: () => void) => require("react").useEffect(effect, []),
}));
jest.mock("expo-document-picker", () => ({ getDocumentAsync: jest.fn(async () => ({ canceled: true })) }));

const conversationId = fixtureUuid(7001);

function seed(network: TestNetwork, unreadCount: number) {
  const now = new Date().toISOString();
  const state = mockConversations(network.store);
  const conversation: Conversation = {
    id: conversationId,
    type: "consultation",
    caseId: fixtureUuid(10),
    caseNumber: "RC-2026-00042",
    subject: null,
    state: "open",
    lastMessage: null,
    unreadCount,
    lastActivityAt: now,
    createdAt: now,
    participants: [
      {
        userId: network.store.user.id,
        name: network.store.user.name,
        role: "client",
        canWrite: true,
        lastReadMessageId: null,
        lastReadAt: null,
      },
    ],
    canWrite: true,
  };
  const message = {
    id: fixtureUuid(7002),
    conversationId,
    senderId: "consultant-1",
    senderName: "Priya Shah",
    senderRole: "staff" as const,
    body: "Your forms are at https://example.com/forms",
    attachments: [],
    editedAt: null,
    deletedAt: null,
    createdAt: now,
  };
  conversation.lastMessage = message;
  state.conversations.push(conversation);
  state.messages.set(conversationId, [message]);
  return state;
}

async function renderWith(network: TestNetwork, ui: React.ReactElement) {
  const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
  await render(app.wrap(ui));
}

describe("MessagesScreen", () => {
  it("lists conversations with the last message and the unread count, and opens the one pressed", async () => {
    const network = createTestNetwork();
    seed(network, 2);
    const onOpen = jest.fn();
    await renderWith(network, <MessagesScreen onOpen={onOpen} />);
    expect(await screen.findByText("Case RC-2026-00042")).toBeOnTheScreen();
    expect(screen.getByText("Your forms are at https://example.com/forms")).toBeOnTheScreen();
    expect(screen.getByText("2 unread")).toBeOnTheScreen();
    await userEvent.setup().press(screen.getByRole("button", { name: "Open Case RC-2026-00042" }));
    expect(onOpen).toHaveBeenCalledWith(conversationId);
  });

  it("says so when there are no conversations", async () => {
    const network = createTestNetwork();
    await renderWith(network, <MessagesScreen onOpen={jest.fn()} />);
    expect(await screen.findByText(/No conversations yet/)).toBeOnTheScreen();
  });
});

describe("ConversationScreen", () => {
  it("shows the thread with links, marks it read and sends a message", async () => {
    const network = createTestNetwork();
    const state = seed(network, 1);
    await renderWith(network, <ConversationScreen id={conversationId} />);
    expect(await screen.findByRole("link", { name: "https://example.com/forms" })).toBeOnTheScreen();
    await waitFor(() => expect(state.conversations[0]?.unreadCount).toBe(0));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Message"), "Thank you, sending them today");
    await user.press(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Thank you, sending them today")).toBeOnTheScreen();
    expect(state.messages.get(conversationId)?.map((message) => message.body)).toContain(
      "Thank you, sending them today",
    );
  });
});
