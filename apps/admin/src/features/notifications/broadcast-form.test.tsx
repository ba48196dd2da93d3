import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { setupAdminServer } from "../../test/admin-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as BroadcastsPage } from "./broadcasts-page.tsx";

const api = setupAdminServer();
beforeEach(() => api.use());

describe("broadcast form", () => {
  it("shows the contract's messages and sends nothing while invalid", async () => {
    const user = userEvent.setup();
    renderPage(<BroadcastsPage />);
    await user.click(await screen.findByRole("button", { name: "Send broadcast" }));
    expect(await screen.findByText("Enter a title")).toBeInTheDocument();
    expect(screen.getByText("Enter a message")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title/)).toHaveAttribute("aria-invalid", "true");
    expect(api.state.calls).toEqual([]);
    // The country is picked by name from the ISO list: nothing like "AU" typed free-hand can reach 0 people.
    expect(screen.getByLabelText(/^Country/).tagName).toBe("SELECT");
    expect(screen.getByRole("option", { name: "Australia" })).toHaveValue("AU");
  });

  it("sends a promotional broadcast to a filtered audience and lists its delivery counts", async () => {
    const user = userEvent.setup();
    renderPage(<BroadcastsPage />);
    expect(await screen.findByText("No broadcasts yet.")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText(/^Type/), "promotional");
    expect(screen.getByText("Promotional messages only reach people who opted in.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Title/), "Spring offer");
    await user.type(screen.getByLabelText(/^Message/), "Refer a friend this month");
    await user.selectOptions(screen.getByLabelText("Who"), "client");
    await user.selectOptions(screen.getByLabelText(/^Country/), "United Kingdom");
    await user.selectOptions(screen.getByLabelText(/^Visa stage/), "assessment");
    await user.click(screen.getByRole("button", { name: "Send broadcast" }));

    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "POST admin/broadcasts",
        body: {
          type: "promotional",
          title: "Spring offer",
          body: "Refer a friend this month",
          audience: { role: "client", country: "GB", stage: "assessment" },
        },
      }),
    );
    expect(await screen.findByText("Spring offer", { selector: "p" })).toBeInTheDocument();
    expect(screen.getAllByText("3 sent · 1 skipped · 0 failed")).toHaveLength(3);
    expect(screen.getByLabelText(/^Title/)).toHaveValue("");
  });
});
