import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { Component as CasePage } from "../cases/case-page.tsx";
import { CreditCard } from "./credit-card.tsx";

const { server, store } = setupTestServer();

describe("Invoices on the case page", () => {
  it("shows the invoice with its amount and state, the PDF link, and the manual gateway's instructions on Pay", async () => {
    const visaCase = store.cases[0]!;
    render(
      <MockProviders route={`/cases/${visaCase.id}`}>
        <Routes>
          <Route path="/cases/:id" element={<CasePage />} />
        </Routes>
      </MockProviders>,
    );
    const card =
      (await screen.findByRole("heading", { name: "Invoices" })).closest("section") ?? document.body;
    expect(await within(card as HTMLElement).findByText(/Invoice INV-2026-0001/)).toBeInTheDocument();
    expect(screen.getByText("Due")).toBeInTheDocument();
    expect(screen.getByText("Still to pay: $1,500.00")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download PDF" }).getAttribute("href")).toMatch(
      /\/api\/invoices\/.+\/pdf$/,
    );
    await userEvent.click(screen.getByRole("button", { name: "Pay" }));
    const dialog = await screen.findByRole("dialog", { name: "How to pay" });
    expect(within(dialog).getByText(/IBAN GB29/)).toBeInTheDocument();
    expect(within(dialog).getByText("INV-2026-0001")).toBeInTheDocument();
    expect(within(dialog).getByText("$1,500.00")).toBeInTheDocument();
  });
});

describe("Rewards as credit", () => {
  it("asks for the disclosure before credit can be chosen, then saves the choice", async () => {
    render(
      <MockProviders route="/referrals">
        <CreditCard />
      </MockProviders>,
    );
    await userEvent.click(await screen.findByRole("radio", { name: "Credit on my next invoice" }));
    expect(screen.getByText(/How referral credit works/)).toBeInTheDocument();
    const save = screen.getByRole("button", { name: "Save my choice" });
    expect(save).toBeDisabled();
    await userEvent.click(screen.getByRole("checkbox", { name: /I have read how referral credit works/ }));
    await userEvent.click(save);
    expect(await screen.findByRole("radio", { name: "Credit on my next invoice" })).toBeChecked();
    expect(screen.queryByRole("button", { name: "Save my choice" })).not.toBeInTheDocument();
  });
});

describe("Credit history", () => {
  it("says when a reward's credit came back from a cancelled invoice", async () => {
    const at = "2026-03-01T10:00:00.000Z";
    server.use(
      http.get("*/api/users/:id/credit", () =>
        HttpResponse.json({
          status: "success",
          data: {
            method: "credit",
            balances: [{ currency: "USD", availableMinor: 10_000, pendingMinor: 0, creditedMinor: 0 }],
            history: [
              {
                rewardId: "8f1c2b3a-1d2e-4f5a-9b6c-7d8e9f0a1b2c",
                friendName: "Sofia Rossi",
                amountMinor: 10_000,
                currency: "USD",
                status: "approved",
                vestStage: null,
                vested: true,
                invoiceId: null,
                invoiceNumber: null,
                returnedFromInvoiceNumber: "INV-2026-0007",
                createdAt: at,
                updatedAt: at,
              },
            ],
          },
        }),
      ),
    );
    render(
      <MockProviders route="/referrals">
        <CreditCard />
      </MockProviders>,
    );
    expect(
      await screen.findByText(
        "Sofia Rossi: $100.00 (available) · given back from cancelled invoice INV-2026-0007",
      ),
    ).toBeInTheDocument();
  });
});
