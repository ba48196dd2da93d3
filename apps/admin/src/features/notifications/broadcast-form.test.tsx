import { screen, waitFor, within } from "@testing-library/react";
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
    await user.click(await screen.findByRole("button", { name: "Preview and send" }));
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
    await user.click(screen.getByRole("button", { name: "Preview and send" }));

    // Nothing is sent before the preview is confirmed; it shows the message and who it reaches.
    const preview = await screen.findByRole("dialog", { name: "Send this broadcast?" });
    expect(await within(preview).findByText("It will reach 4 people.", { exact: false })).toBeInTheDocument();
    expect(within(preview).getByText("Clients only · United Kingdom · Assessment")).toBeInTheDocument();
    expect(api.state.calls).toEqual([]);
    await user.click(within(preview).getByRole("button", { name: "Send to 4" }));

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

  it("will not send to an audience of nobody, and says why", async () => {
    const user = userEvent.setup();
    renderPage(<BroadcastsPage />);
    await user.type(await screen.findByLabelText(/^Title/), "Office closed");
    await user.type(screen.getByLabelText(/^Message/), "Back on Monday");
    await user.selectOptions(screen.getByLabelText(/^Country/), "Australia");
    await user.click(screen.getByRole("button", { name: "Preview and send" }));
    const preview = await screen.findByRole("dialog", { name: "Send this broadcast?" });
    expect(await within(preview).findByText(/Nobody matches this audience/)).toBeInTheDocument();
    expect(within(preview).getByRole("button", { name: "Send to 0" })).toBeDisabled();
    expect(api.state.calls).toEqual([]);
  });
});
