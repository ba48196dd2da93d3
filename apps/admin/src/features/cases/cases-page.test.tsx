import { fixtureUuid } from "@referral-app/api-client/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as CasesPage } from "./cases-page.tsx";
import { Component as MyCasesPage } from "./my-cases-page.tsx";

const api = setupCaseServer();

describe("staff cases list", () => {
  it("lists open cases with stage, consultant and tasks in words, and searches by number", async () => {
    const user = userEvent.setup();
    renderPage(<CasesPage />);
    const table = await screen.findByRole("table", { name: "Cases matching the filters" });
    const row = within(table).getByRole("row", { name: /RC-2026-00042/ });
    expect(within(row).getByText("Assessment")).toBeInTheDocument();
    expect(within(row).getByText("Priya Shah")).toBeInTheDocument();
    expect(within(row).getByText("2 open, 1 overdue")).toBeInTheDocument();
    expect(within(row).getByText("From a referral")).toBeInTheDocument();
    // The granted case is decided, so not in the default "Open" list.
    expect(within(table).queryByText(/RC-2025-00007/)).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Open or decided"), "decided");
    await user.type(screen.getByLabelText("Search number or client name"), "RC-2025{Enter}");
    const decided = await screen.findByRole("row", { name: /RC-2025-00007/ });
    expect(within(decided).getByText(/^Visa granted on/)).toBeInTheDocument();
    expect(screen.queryByRole("row", { name: /RC-2026-00042/ })).not.toBeInTheDocument();
  });

  it("shows a board with one column per stage", async () => {
    const user = userEvent.setup();
    renderPage(<CasesPage />);
    await user.click(await screen.findByRole("tab", { name: "Board by stage" }));
    const column = await screen.findByRole("region", { name: "Assessment (1)" });
    expect(within(column).getByRole("link", { name: /Open case RC-2026-00042/ })).toHaveAttribute(
      "href",
      `/cases/${fixtureUuid(10)}`,
    );
    expect(screen.getByRole("region", { name: "Enquiry (0)" })).toBeInTheDocument();
  });

  it("opens a case for a client from the New case dialog", async () => {
    const user = userEvent.setup();
    renderPage(<CasesPage />);
    await user.click(await screen.findByRole("button", { name: "New case" }));
    const dialog = await screen.findByRole("dialog", { name: "Open a case" });
    await user.click(within(dialog).getByRole("button", { name: "Open case" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Choose a client and a visa type.");
    const client = within(dialog).getByLabelText(/^Client/);
    await within(client).findByRole("option", { name: new RegExp(api.store.user.email) });
    await user.selectOptions(client, api.store.user.id);
    await user.selectOptions(within(dialog).getByLabelText(/^Visa type/), fixtureUuid(3));
    await user.click(within(dialog).getByRole("button", { name: "Open case" }));
    await expect
      .poll(() => api.calls.find((call) => call.route === "POST admin/cases")?.body)
      .toEqual({
        clientId: api.store.user.id,
        visaTypeId: fixtureUuid(3),
      });
    expect(api.store.cases[0]?.visaType.name).toBe("Skilled worker visa");
  });
});

describe("My cases", () => {
  it("asks for the signed-in consultant's cases and offers no consultant filter", async () => {
    renderPage(<MyCasesPage />);
    expect(await screen.findByRole("row", { name: /RC-2026-00042/ })).toBeInTheDocument();
    expect(screen.queryByLabelText("Consultant")).not.toBeInTheDocument();
  });
});
