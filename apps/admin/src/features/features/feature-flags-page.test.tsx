import type { FeatureFlag } from "@referral-app/shared/schemas/features";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { setupAdminServer } from "../../test/admin-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as FeatureFlagsPage } from "./feature-flags-page.tsx";

const api = setupAdminServer();
beforeEach(() => api.use());

describe("feature toggles", () => {
  it("switches a flag on through the API", async () => {
    const user = userEvent.setup();
    renderPage(<FeatureFlagsPage />);
    const toggle = await screen.findByRole("switch", { name: "referral-analytics" });
    expect(toggle).not.toBeChecked();

    await user.click(toggle);

    expect(toggle).toBeChecked();
    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "PATCH admin/features/referral-analytics",
        body: { enabled: true },
      }),
    );
    expect(await screen.findByText("Feature updated", {}, { timeout: 5000 })).toBeInTheDocument();
  });

  it("limits a flag to roles", async () => {
    const user = userEvent.setup();
    renderPage(<FeatureFlagsPage />);
    const group = await screen.findByRole("group", { name: /Enabled for.*advanced-filters/ });
    const partners = Array.from(group.querySelectorAll("input")).find(
      (input) => input.labels?.[0]?.textContent === "Partners",
    );
    expect(partners).toBeDefined();
    await user.click(partners as HTMLInputElement);
    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "PATCH admin/features/advanced-filters",
        body: { roles: ["staff", "partner"] },
      }),
    );
  });

  it("shows role boxes inactive while the flag is off", async () => {
    renderPage(<FeatureFlagsPage />);
    const group = await screen.findByRole("group", { name: /Enabled for.*referral-analytics/ });
    expect(group).toBeDisabled();
    expect(
      within(group).getByText("Off for everyone. Switch the feature on to choose who gets it."),
    ).toBeInTheDocument();
  });

  it("keeps Every role exclusive with the single roles", async () => {
    api.state.flags[0] = { ...(api.state.flags[0] as FeatureFlag), enabled: true, roles: null };
    const user = userEvent.setup();
    renderPage(<FeatureFlagsPage />);
    const group = await screen.findByRole("group", { name: /Enabled for.*referral-analytics/ });
    expect(within(group).getByRole("checkbox", { name: "Every role" })).toBeChecked();
    for (const role of ["Clients", "Staff", "Admins", "Partners"]) {
      expect(within(group).getByRole("checkbox", { name: role })).not.toBeChecked();
    }
    await user.click(within(group).getByRole("checkbox", { name: "Partners" }));
    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "PATCH admin/features/referral-analytics",
        body: { roles: ["partner"] },
      }),
    );
  });

  it("moves the switch back and says why when the server refuses", async () => {
    const user = userEvent.setup();
    renderPage(<FeatureFlagsPage />);
    const toggle = await screen.findByRole("switch", { name: "referral-analytics" });
    api.server.use(
      http.patch("http://localhost:3000/api/admin/features/:key", () => {
        const error = { code: "FORBIDDEN", message: "Only admins may change flags" };
        return HttpResponse.json({ status: "error", message: error.message, error }, { status: 403 });
      }),
    );
    await user.click(toggle);
    expect(await screen.findByText("Only admins may change flags")).toBeInTheDocument();
    expect(toggle).not.toBeChecked();
  });
});
