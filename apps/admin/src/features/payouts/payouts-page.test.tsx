import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as PayoutsPage } from "./payouts-page.tsx";

const api = setupCaseServer({ role: "admin" });

describe("partner payouts page", () => {
  it("lists batches with their statement and bank file, and marks one paid with its reference", async () => {
    const user = userEvent.setup();
    renderPage(<PayoutsPage />, { route: "/payouts", path: "/payouts" });
    expect(
      await screen.findByText("PAY-2026-0001 · Global Study Agency · $450.00 for 3 commissions"),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Bank CSV" }).getAttribute("href")).toMatch(
      /\/api\/admin\/payout-batches\/.+\.csv$/,
    );
    await user.type(screen.getByLabelText("Transfer reference for PAY-2026-0001"), "SEPA-42");
    await user.click(screen.getByRole("button", { name: "Mark paid" }));
    expect(await screen.findByText("Paid, reference SEPA-42")).toBeInTheDocument();
    expect(api.calls.find((call) => call.route.includes("mark-paid"))?.body).toEqual({
      reference: "SEPA-42",
    });
  });
});
