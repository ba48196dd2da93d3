import AsyncStorage from "@react-native-async-storage/async-storage";
import { IDEMPOTENCY_KEY_HEADER } from "@referral-app/shared/constants";
import { act, render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { OutboxStatus } from "../components/outbox-status";
import { ReferralForm } from "../components/referral-form";
import { createTestApp, createTestNetwork, type TestNetwork } from "../test/test-app";
import { asyncStorageOutbox } from "./outbox-storage";

function referralPosts(network: TestNetwork): Request[] {
  return network.requests.filter(
    (request) => request.method === "POST" && request.url.endsWith("/referrals"),
  );
}

function referralsByEmail(network: TestNetwork, email: string) {
  return network.store.referrals.filter((referral) => referral.email === email);
}

async function storedOutbox() {
  return asyncStorageOutbox.load();
}

async function submitReferral(fullName: string, email: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Full Name"), fullName);
  await user.type(screen.getByLabelText("Email"), email);
  await user.press(screen.getByRole("button", { name: "Submit Referral" }));
}

function App({ app }: { app: ReturnType<typeof createTestApp> }) {
  return app.wrap(
    <>
      <ReferralForm />
      <OutboxStatus />
    </>,
  );
}

describe("offline referral queue", () => {
  beforeEach(async () => {
    await AsyncStorage.clear();
  });

  it("keeps a referral submitted offline on the device and sends it once when back online", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: asyncStorageOutbox });
    await render(<App app={app} />);
    await waitFor(() => expect(network.requests.length).toBeGreaterThan(0)); // session check on start
    network.setOnline(false);

    await submitReferral("Ana Offline", "ana@example.com");

    expect(await screen.findByText(/Your referral is saved and will be sent/)).toBeOnTheScreen();
    expect(screen.getByText("1 referral waiting to be sent")).toBeOnTheScreen();
    const queued = (await storedOutbox()).pending;
    expect(queued).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ email: "ana@example.com" }) }),
    ]);
    expect(referralPosts(network)).toHaveLength(0);
    expect(referralsByEmail(network, "ana@example.com")).toHaveLength(0);

    await act(async () => network.setOnline(true));

    await waitFor(async () => expect((await storedOutbox()).pending).toHaveLength(0));
    expect(referralsByEmail(network, "ana@example.com")).toHaveLength(1);
    expect(referralPosts(network).map((request) => request.headers.get(IDEMPOTENCY_KEY_HEADER))).toEqual([
      queued[0]!.idempotencyKey,
    ]);
    expect(screen.queryByText(/waiting to be sent/)).toBeNull();
  });

  it("never duplicates a referral whose answers were lost: every attempt carries the same key", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: asyncStorageOutbox });
    await render(<App app={app} />);
    // The request and the client's own retry both reach the server; both answers are lost.
    network.loseResponses(2);

    await submitReferral("Ben Flaky", "ben@example.com");

    expect(await screen.findByText(/Your referral is saved and will be sent/)).toBeOnTheScreen();
    expect(referralsByEmail(network, "ben@example.com")).toHaveLength(1);
    expect((await storedOutbox()).pending).toHaveLength(1);

    // Connectivity comes back (NetInfo event): the outbox sends again with the stored key.
    await act(async () => network.setOnline(true));

    await waitFor(async () => expect((await storedOutbox()).pending).toHaveLength(0));
    const keys = referralPosts(network).map((request) => request.headers.get(IDEMPOTENCY_KEY_HEADER));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(referralsByEmail(network, "ben@example.com")).toHaveLength(1);
  });

  it("survives an app restart: the next start sends what the last one queued", async () => {
    const network = createTestNetwork();
    const first = await render(<App app={createTestApp({ network, outboxStorage: asyncStorageOutbox })} />);
    network.setOnline(false);
    await submitReferral("Cleo Restart", "cleo@example.com");
    expect(await screen.findByText("1 referral waiting to be sent")).toBeOnTheScreen();
    await first.unmount();

    network.setOnline(true);
    await render(<App app={createTestApp({ network, outboxStorage: asyncStorageOutbox })} />);

    await waitFor(() => expect(referralsByEmail(network, "cleo@example.com")).toHaveLength(1));
    await waitFor(async () => expect((await storedOutbox()).pending).toHaveLength(0));
    expect(referralPosts(network)).toHaveLength(1);
  });
});
