import { fixtureUuid } from "@referral-app/api-client/mocks";
import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { Linking } from "react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { InvoicesCard } from "./invoices-card";

describe("InvoicesCard", () => {
  it("lists the case's invoice with its balance and shows the manual instructions on Pay", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    await render(app.wrap(<InvoicesCard caseId={fixtureUuid(10)} />));
    expect(await screen.findByText(/Invoice INV-2026-0001/)).toBeOnTheScreen();
    expect(screen.getByText("Still to pay: $1,500.00")).toBeOnTheScreen();
    await userEvent.setup().press(screen.getByRole("button", { name: "Pay invoice INV-2026-0001" }));
    expect(await screen.findByText(/IBAN GB29/)).toBeOnTheScreen();
    expect(screen.getByText("Quote this reference: INV-2026-0001")).toBeOnTheScreen();
    expect(screen.getByText("Amount due: $1,500.00")).toBeOnTheScreen();
  });

  it("opens the invoice's PDF in the browser through its short-lived signed link", async () => {
    const openURL = jest.spyOn(Linking, "openURL").mockResolvedValue(true);
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    await render(app.wrap(<InvoicesCard caseId={fixtureUuid(10)} />));
    await userEvent
      .setup()
      .press(await screen.findByRole("button", { name: "Open the PDF of invoice INV-2026-0001" }));
    await waitFor(() =>
      expect(openURL).toHaveBeenCalledWith(expect.stringMatching(/\/api\/invoices\/.+\/pdf\?token=/)),
    );
    openURL.mockRestore();
  });
});
