import { DEMO_PASSWORD } from "@referral-app/api-client/mocks";
import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import * as SecureStore from "expo-secure-store";
import { SessionToken } from "../session/session-token";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { DashboardScreen } from "./dashboard-screen";
import { SignInScreen } from "./sign-in-screen";

// The native token storage over an in-memory keychain: the real token-storage.native.ts runs.
jest.mock("expo-secure-store", () => {
  const keychain = new Map<string, string>();
  return {
    AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 1,
    getItemAsync: jest.fn(async (key: string) => keychain.get(key) ?? null),
    setItemAsync: jest.fn(async (key: string, value: string) => void keychain.set(key, value)),
    deleteItemAsync: jest.fn(async (key: string) => void keychain.delete(key)),
  };
});

describe("sign in", () => {
  it("signs in, keeps the bearer token in the secure store and sends it on later requests", async () => {
    const network = createTestNetwork({ signedIn: false });
    const app = createTestApp({
      network,
      sessionToken: new SessionToken(),
      outboxStorage: memoryOutboxStorage(),
    });
    const onSignedIn = jest.fn();
    const user = userEvent.setup();
    await render(app.wrap(<SignInScreen onSignedIn={onSignedIn} onCreateAccount={jest.fn()} />));

    await user.type(screen.getByLabelText("Email"), network.store.user.email);
    await user.type(screen.getByLabelText("Password"), DEMO_PASSWORD);
    await user.press(screen.getByRole("button", { name: "Sign in" }));

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(SecureStore.setItemAsync).toHaveBeenCalledWith(
      "referralapp.session-token",
      network.store.sessionToken,
      expect.anything(),
    );
    expect(await app.sessionToken.get()).toBe(network.store.sessionToken);

    await render(app.wrap(<DashboardScreen />));
    await screen.findByText(`Hello, ${network.store.user.name}`);
    const profileRequest = network.requests.find((request) => request.url.endsWith("/users/me/profile"));
    expect(profileRequest?.headers.get("Authorization")).toBe(`Bearer ${network.store.sessionToken}`);
  });

  it("says so when the password is wrong, and stores nothing", async () => {
    const network = createTestNetwork({ signedIn: false });
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const onSignedIn = jest.fn();
    const user = userEvent.setup();
    await render(app.wrap(<SignInScreen onSignedIn={onSignedIn} onCreateAccount={jest.fn()} />));

    await user.type(screen.getByLabelText("Email"), network.store.user.email);
    await user.type(screen.getByLabelText("Password"), "wrong-password");
    await user.press(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("Email or password is incorrect.")).toBeOnTheScreen();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(await app.sessionToken.get()).toBeNull();
  });
});
