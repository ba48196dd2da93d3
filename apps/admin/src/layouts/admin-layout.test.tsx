import { screen } from "@testing-library/react";
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

  it("tells a non-staff account the dashboard is staff only", async () => {
    api.state.role = "client";
    renderPage(<AdminLayout />);
    expect(await screen.findByRole("heading", { name: "Staff only" })).toBeInTheDocument();
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
  });
});
