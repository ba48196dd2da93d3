import { fixtureUuid } from "@referral-app/api-client/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as CasePage } from "../cases/case-page.tsx";

const api = setupCaseServer();
const caseId = fixtureUuid(10);

describe("invoices on the staff case page", () => {
  it("totals the editor's lines as they are typed", async () => {
    const user = userEvent.setup();
    renderPage(<CasePage />, { route: `/cases/${caseId}`, path: "/cases/:id" });
    const editor = await screen.findByRole("form", { name: "New invoice" });
    await user.type(within(editor).getByLabelText("Description 1"), "Service fee");
    await user.clear(within(editor).getByLabelText("Qty"));
    await user.type(within(editor).getByLabelText("Qty"), "2");
    await user.type(within(editor).getByLabelText("Unit amount"), "150.25");
    expect(within(editor).getByTestId("invoice-total")).toHaveTextContent("$300.50");
    await user.click(within(editor).getByRole("button", { name: "Add line" }));
    await user.type(within(editor).getByLabelText("Description 2"), "Discount");
    await user.type(within(editor).getAllByLabelText("Unit amount")[1]!, "-50");
    expect(within(editor).getByTestId("invoice-total")).toHaveTextContent("$250.50");
  });

  it("records a payment only after the staff member confirms the sentence", async () => {
    const user = userEvent.setup();
    renderPage(<CasePage />, { route: `/cases/${caseId}`, path: "/cases/:id" });
    await user.click(await screen.findByRole("button", { name: "Record payment" }));
    const dialog = await screen.findByRole("dialog", { name: "Record a payment" });
    await user.clear(within(dialog).getByLabelText(/Amount received/));
    await user.type(within(dialog).getByLabelText(/Amount received/), "500");
    await user.type(within(dialog).getByLabelText(/Reference/), "FPS 1234");
    await user.click(within(dialog).getByRole("button", { name: "Review" }));
    expect(within(dialog).getByText("Record $500.00 received by Bank transfer?")).toBeInTheDocument();
    expect(api.calls.filter((call) => call.route.includes("/payments"))).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Yes, record it" }));
    expect(await screen.findByText("Payment recorded")).toBeInTheDocument();
    const payment = api.calls.find((call) => call.route.includes("/payments"));
    expect(payment?.body).toMatchObject({ amount: 50_000, method: "bank_transfer", reference: "FPS 1234" });
  });
});
