import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { ReferralForm } from "./referral-form";

// The seed's "Referral Flow" test, on the mobile form, against the api-client's mock API.
describe("Referral Flow", () => {
  it("should create a referral successfully", async () => {
    const network = createTestNetwork();
    const before = network.store.referrals.length;
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const user = userEvent.setup();
    await render(app.wrap(<ReferralForm />));

    await user.type(screen.getByLabelText("Full Name"), "John Doe");
    await user.type(screen.getByLabelText("Email"), "john@example.com");
    await user.press(screen.getByRole("button", { name: "Submit Referral" }));

    expect(await screen.findByText("Referral submitted successfully!")).toBeOnTheScreen();
    expect(network.store.referrals).toHaveLength(before + 1);
    expect(network.store.referrals.find((referral) => referral.email === "john@example.com")).toMatchObject({
      fullName: "John Doe",
      status: "pending",
    });
  });

  it("shows field errors from the shared schema and sends nothing", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const user = userEvent.setup();
    await render(app.wrap(<ReferralForm />));

    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.press(screen.getByRole("button", { name: "Submit Referral" }));

    expect(await screen.findByText("Enter a valid email address")).toBeOnTheScreen();
    expect(screen.getByText("Enter a name")).toBeOnTheScreen();
    expect(network.requests.filter((request) => request.method === "POST")).toHaveLength(0);
  });

  it("tells the user when the server refuses the referral (already referred)", async () => {
    const network = createTestNetwork();
    const existing = network.store.referrals[0]!;
    const storage = memoryOutboxStorage();
    const app = createTestApp({ network, outboxStorage: storage });
    const user = userEvent.setup();
    await render(app.wrap(<ReferralForm />));

    await user.type(screen.getByLabelText("Full Name"), "Someone Again");
    await user.type(screen.getByLabelText("Email"), existing.email);
    await user.press(screen.getByRole("button", { name: "Submit Referral" }));

    await waitFor(() => expect(screen.getByRole("alert")).toBeOnTheScreen());
    expect(screen.queryByText("Referral submitted successfully!")).toBeNull();
    expect(storage.saved()).toEqual({ pending: [], rejected: [] });
  });
});
