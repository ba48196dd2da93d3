import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { setupAdminServer } from "../test/admin-handlers.ts";
import { renderPage } from "../test/render-page.tsx";
import { Component as AdminLayout } from "./admin-layout.tsx";

const api = setupAdminServer();
beforeEach(() => api.use());

describe("admin layout", () => {
  it("shows staff the navigation", async () => {
    renderPage(<AdminLayout />);
    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    expect(nav).toHaveTextContent("Referral pipeline");
    expect(nav).toHaveTextContent("Audit log");
  });

  it("shows the unread message count on the Messages link, 9+ past nine", async () => {
    api.state.unreadMessages = 12;
    renderPage(<AdminLayout />);
    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    const link = within(nav).getByRole("link", { name: /Messages/ });
    expect(await within(link).findByTestId("messages-badge")).toHaveTextContent("9+");
    expect(within(link).getByText("12 unread messages")).toBeInTheDocument();
  });

  it("shows the exact count up to nine", async () => {
    api.state.unreadMessages = 3;
    renderPage(<AdminLayout />);
    const badge = await screen.findByTestId("messages-badge");
    expect(badge).toHaveTextContent("3");
    expect(badge).not.toHaveTextContent("9+");
  });

  it("tells a non-staff account the dashboard is staff only", async () => {
    api.state.role = "client";
    renderPage(<AdminLayout />);
    expect(await screen.findByRole("heading", { name: "Staff only" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
  });
});
