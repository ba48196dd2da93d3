import { fixtureUuid, MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { setConsoleLanguage } from "@referral-app/app-kit/console-language";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { es } from "../../locales/es.ts";
import { englishStrings, setStrings } from "../../strings.ts";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as CasePage } from "../cases/case-page.tsx";

const api = setupCaseServer();
const caseId = fixtureUuid(10);
const invoiceId = fixtureUuid(900_001);
const invoiceUrl = (path: string) => `${MOCK_BASE_URL}/admin/invoices/${invoiceId}/${path}`;

const openCase = () => renderPage(<CasePage />, { route: `/cases/${caseId}`, path: "/cases/:id" });
// The case page is large: its first render on a busy machine can take more than the default second.
const rowButton = (name: string) => screen.findByRole("button", { name }, { timeout: 5000 });

/** The mock's open $1,500.00 invoice, paid in full before the page loads. */
async function payInFull() {
  const response = await fetch(invoiceUrl("payments"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      amount: 150_000,
      method: "bank_transfer",
      reference: "FPS 1",
      paidAt: new Date().toISOString(),
    }),
  });
  expect(response.status).toBe(201);
}

const conflict = (code: string, message: string, details?: object) =>
  HttpResponse.json(
    { status: "error", message, error: { code, message, ...(details ? { details } : {}) } },
    { status: 409 },
  );

afterEach(() => {
  setStrings(englishStrings);
  setConsoleLanguage("en");
});

describe("voiding an invoice on the staff case page", () => {
  it("voids an unpaid invoice once a reason is given, and shows it void", async () => {
    const user = userEvent.setup();
    openCase();
    await user.click(await rowButton("Void invoice INV-2026-0001"));
    expect(screen.queryByRole("button", { name: "Refund on invoice INV-2026-0001" })).not.toBeInTheDocument();
    const dialog = await screen.findByRole("dialog", { name: "Void invoice INV-2026-0001?" });
    const confirm = within(dialog).getByRole("button", { name: "Void the invoice" });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Reason/), "Issued to the wrong case");
    await user.click(confirm);
    expect(await screen.findByText("Invoice voided")).toBeInTheDocument();
    expect(api.calls.find((call) => call.route.endsWith("/void"))?.body).toEqual({
      reason: "Issued to the wrong case",
    });
    expect(await screen.findByText("Void", { selector: "span" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Void invoice INV-2026-0001" })).not.toBeInTheDocument();
  });

  it("says in words why the API refused (money came in meanwhile)", async () => {
    api.use(
      http.post(invoiceUrl("void"), () =>
        conflict("INVALID_TRANSITION", "A paid invoice cannot be voided; refund it first"),
      ),
    );
    const user = userEvent.setup();
    openCase();
    await user.click(await rowButton("Void invoice INV-2026-0001"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/Reason/), "Duplicate");
    await user.click(within(dialog).getByRole("button", { name: "Void the invoice" }));
    expect(
      await within(dialog).findByText(
        "This invoice holds money now: refund what was paid first, then void it.",
      ),
    ).toBeInTheDocument();
  });

  it("speaks Spanish when the staff member chose it", async () => {
    setStrings(es);
    setConsoleLanguage("es");
    const user = userEvent.setup();
    openCase();
    await user.click(await rowButton("Anular la factura INV-2026-0001"));
    const dialog = await screen.findByRole("dialog", { name: "¿Anular la factura INV-2026-0001?" });
    expect(within(dialog).getByRole("button", { name: "Anular la factura" })).toBeDisabled();
    expect(within(dialog).getByLabelText(/Motivo/)).toBeInTheDocument();
  });
});

describe("refunding an invoice on the staff case page", () => {
  it("is for admins only: staff see no Refund button", async () => {
    await payInFull();
    openCase();
    await screen.findByText("Paid", { selector: "span" }, { timeout: 5000 });
    expect(screen.queryByRole("button", { name: "Refund on invoice INV-2026-0001" })).not.toBeInTheDocument();
  });

  it("offers the paid amount in money, refuses more, and refunds what the admin confirms", async () => {
    api.setRole("admin");
    await payInFull();
    const user = userEvent.setup();
    openCase();
    await user.click(await rowButton("Refund on invoice INV-2026-0001"));
    // Money is held, so it cannot be voided until it is refunded.
    expect(screen.queryByRole("button", { name: "Void invoice INV-2026-0001" })).not.toBeInTheDocument();
    const dialog = await screen.findByRole("dialog", { name: "Refund on invoice INV-2026-0001" });
    const amount = within(dialog).getByLabelText(/Amount to refund/);
    expect(amount).toHaveValue("1500.00");
    await user.clear(amount);
    await user.type(amount, "2000");
    expect(within(dialog).getByText("At most $1,500.00 can be refunded.")).toBeInTheDocument();
    await user.clear(amount);
    await user.type(amount, "2,000");
    expect(within(dialog).getByText("At most $1,500.00 can be refunded.")).toBeInTheDocument();
    // A decimal comma is a decimal mark, never a hundredfold amount.
    await user.clear(amount);
    await user.type(amount, "400,50");
    await user.type(within(dialog).getByLabelText(/Reason/), "Fee reduced");
    await user.click(within(dialog).getByRole("button", { name: "Refund $400.50" }));
    expect(await screen.findByText("Refund recorded")).toBeInTheDocument();
    expect(api.calls.find((call) => call.route.endsWith("/refund"))?.body).toEqual({
      amount: 40_050,
      reason: "Fee reduced",
    });
    expect(await screen.findByText("Partly paid")).toBeInTheDocument();
  });

  it("shows the API's 409 in words, with the amount that can still be refunded", async () => {
    api.setRole("admin");
    await payInFull();
    api.use(
      http.post(invoiceUrl("refund"), () =>
        conflict("CONFLICT", "At most $100.00 can be refunded", { refundableMinor: 10_000 }),
      ),
    );
    const user = userEvent.setup();
    openCase();
    await user.click(await rowButton("Refund on invoice INV-2026-0001"));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByLabelText(/Reason/), "Case withdrawn");
    await user.click(within(dialog).getByRole("button", { name: "Refund $1,500.00" }));
    expect(await within(dialog).findByText("At most $100.00 can be refunded.")).toBeInTheDocument();
    expect(screen.queryByText("Refund recorded")).not.toBeInTheDocument();
  });
});
