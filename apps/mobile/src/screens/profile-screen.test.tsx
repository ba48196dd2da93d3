import { fireEvent, render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage, type TestNetwork } from "../test/test-app";
import { ProfileScreen } from "./profile-screen";

async function patchBodies(network: TestNetwork): Promise<unknown[]> {
  const patches = network.requests.filter((request) => request.method === "PATCH");
  return Promise.all(patches.map((request) => request.clone().json()));
}

async function renderProfile() {
  const network = createTestNetwork();
  const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
  await render(app.wrap(<ProfileScreen onSignedOut={jest.fn()} />));
  await screen.findByText(network.store.user.name);
  return network;
}

describe("preferences", () => {
  it("turns one notification channel on for one type and saves only that change", async () => {
    const network = await renderProfile();
    const promotionalPush = screen.getByLabelText("News and offers: Push");
    expect(promotionalPush).toHaveProp("value", false);

    await fireEvent(promotionalPush, "valueChange", true);

    await waitFor(() => expect(network.store.user.preferences.notifications.promotional.push).toBe(true));
    expect(await patchBodies(network)).toEqual([
      { preferences: { notifications: { promotional: { push: true } } } },
    ]);
    expect(network.store.user.preferences.notifications.promotional.email).toBe(false);
    expect(screen.getByLabelText("News and offers: Push")).toHaveProp("value", true);
  });

  it("saves the theme", async () => {
    const network = await renderProfile();
    const user = userEvent.setup();
    expect(screen.getByRole("radio", { name: "System" })).toBeChecked();

    await user.press(screen.getByRole("radio", { name: "Dark" }));

    await waitFor(() => expect(network.store.user.preferences.theme).toBe("dark"));
    expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
  });

  it("switches the app to Spanish when the language is changed", async () => {
    const network = await renderProfile();
    const user = userEvent.setup();

    await user.press(screen.getByRole("radio", { name: "Español" }));

    await waitFor(() => expect(network.store.user.preferences.language).toBe("es"));
    expect(await screen.findByText("Preferencias")).toBeOnTheScreen();
    expect(screen.getByLabelText("Noticias y ofertas: Notificaciones push")).toBeOnTheScreen();
  });
});
