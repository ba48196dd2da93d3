import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { SignUpScreen } from "./sign-up-screen";

jest.mock("expo-secure-store", () => {
  const keychain = new Map<string, string>();
  return {
    AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 1,
    getItemAsync: jest.fn(async (key: string) => keychain.get(key) ?? null),
    setItemAsync: jest.fn(async (key: string, value: string) => void keychain.set(key, value)),
    deleteItemAsync: jest.fn(async (key: string) => void keychain.delete(key)),
  };
});

async function signUpBody(network: ReturnType<typeof createTestNetwork>) {
  const request = network.requests.find((entry) => entry.url.endsWith("/auth/sign-up/email"));
  return (await request!.clone().json()) as Record<string, unknown>;
}

describe("sign up", () => {
  it("asks a referred friend what their referrer may see, and sends the choice with the sign-up", async () => {
    const network = createTestNetwork({ signedIn: false });
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const onSignedUp = jest.fn();
    const user = userEvent.setup();
    await render(
      app.wrap(<SignUpScreen referralCode="MEI123" onSignedUp={onSignedUp} onSignIn={jest.fn()} />),
    );

    // "Signed up" is chosen until the friend picks another level.
    expect(screen.getByRole("radio", { name: "That I signed up" })).toBeChecked();
    expect(
      screen.getByText("They see which stage your case is at (for example Assessment)."),
    ).toBeOnTheScreen();
    await user.press(screen.getByRole("radio", { name: "My current stage" }));
    expect(screen.getByRole("radio", { name: "My current stage" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "That I signed up" })).not.toBeChecked();

    await user.type(screen.getByLabelText("Name"), "Mei Friend");
    await user.type(screen.getByLabelText("Email"), "mei.friend@example.org");
    await user.type(screen.getByLabelText("Password"), "correct-horse-1");
    await user.press(screen.getByRole("button", { name: "Create account" }));

    await waitFor(() => expect(onSignedUp).toHaveBeenCalledTimes(1));
    expect(await signUpBody(network)).toMatchObject({
      referralCode: "MEI123",
      referrerVisibility: "current_stage",
      language: "en",
    });
  });

  it("sends the default level when the friend leaves the choice alone", async () => {
    const network = createTestNetwork({ signedIn: false });
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const onSignedUp = jest.fn();
    const user = userEvent.setup();
    await render(app.wrap(<SignUpScreen onSignedUp={onSignedUp} onSignIn={jest.fn()} />));
    await user.type(screen.getByLabelText("Name"), "Plain User");
    await user.type(screen.getByLabelText("Email"), "plain.user@example.org");
    await user.type(screen.getByLabelText("Password"), "correct-horse-1");
    await user.press(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(onSignedUp).toHaveBeenCalledTimes(1));
    expect(await signUpBody(network)).toMatchObject({ referrerVisibility: "signed_up" });
  });
});
