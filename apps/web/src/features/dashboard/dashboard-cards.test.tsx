import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { MyTasksCard, PrimaryCaseCard } from "./primary-case-card.tsx";

const { store } = setupTestServer();

describe("dashboard cards", () => {
  it("shows the most recent open case, not the newer-looking decided one", async () => {
    render(
      <MockProviders>
        <PrimaryCaseCard />
      </MockProviders>,
    );
    const card = screen.getByRole("region", { name: "Your visa application" });
    expect(await within(card).findByText("Case RC-2026-00042")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Open your case" })).toHaveAttribute(
      "href",
      `/cases/${store.cases[0]?.id}`,
    );
    expect(within(card).getByRole("link", { name: "See all 2 cases" })).toHaveAttribute("href", "/cases");
    // The stages draw from the case summary at once, then their dates fill in.
    await waitFor(() => {
      const stages = within(card).getByRole("list", { name: "Visa application progress" });
      expect(within(stages).queryAllByTestId("skeleton")).toHaveLength(0);
    });
  });

  it("lists my open tasks with their case and takes a completed one off the list", async () => {
    render(
      <MockProviders>
        <MyTasksCard />
      </MockProviders>,
    );
    const card = screen.getByRole("region", { name: "Your tasks" });
    expect(await within(card).findByText("Book your medical exam")).toBeInTheDocument();
    expect(within(card).queryByText("Sign the service agreement")).not.toBeInTheDocument();
    expect(within(card).getAllByRole("link", { name: "Case RC-2026-00042" })).toHaveLength(2);
    await userEvent.click(
      within(card).getByRole("button", { name: "Mark “Upload your passport scan” as done" }),
    );
    await waitFor(() =>
      expect(within(card).queryByText("Upload your passport scan")).not.toBeInTheDocument(),
    );
    expect(within(card).getByText("Book your medical exam")).toBeInTheDocument();
  });
});
