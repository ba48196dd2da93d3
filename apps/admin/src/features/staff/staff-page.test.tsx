import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as StaffPage } from "./staff-page.tsx";

const api = setupCaseServer({ role: "admin" });

describe("staff management", () => {
  it("deactivates a member only after the confirmation", async () => {
    const user = userEvent.setup();
    renderPage(<StaffPage />);
    const row = await screen.findByRole("row", { name: /Tom Okafor/ });
    await user.click(within(row).getByRole("button", { name: "Deactivate Tom Okafor" }));
    const dialog = await screen.findByRole("dialog", { name: "Deactivate Tom Okafor?" });
    expect(dialog).toHaveTextContent("Their sessions end at once");
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(api.calls).toHaveLength(0);

    await user.click(within(row).getByRole("button", { name: "Deactivate Tom Okafor" }));
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Deactivate" }));
    expect(await within(row).findByText("Deactivated")).toBeInTheDocument();
    expect(api.calls).toEqual([{ route: "PATCH admin/staff/staff-2", body: { active: false } }]);
  });

  it("changes a role in words and never offers to demote or deactivate oneself", async () => {
    const user = userEvent.setup();
    renderPage(<StaffPage />);
    const row = await screen.findByRole("row", { name: /Tom Okafor/ });
    await user.selectOptions(within(row).getByLabelText("Role of Tom Okafor"), "Admin");
    await expect
      .poll(() => api.calls[0])
      .toEqual({ route: "PATCH admin/staff/staff-2", body: { role: "admin" } });
    const self = screen.getByRole("row", { name: /Priya Shah/ });
    expect(within(self).getByLabelText("Role of Priya Shah")).toBeDisabled();
    expect(within(self).getByRole("button", { name: "Deactivate Priya Shah" })).toBeDisabled();
  });

  it("invites a staff member by email", async () => {
    const user = userEvent.setup();
    renderPage(<StaffPage />);
    const form = await screen.findByRole("form", { name: "Invite a staff member" });
    await user.type(within(form).getByLabelText(/^Full name/), "Rosa Díaz");
    await user.type(within(form).getByLabelText(/^Email/), "rosa@demo.test");
    await user.click(within(form).getByRole("button", { name: "Send invitation" }));
    const row = await screen.findByRole("row", { name: /Rosa Díaz/ });
    expect(within(row).getByText("Invited")).toBeInTheDocument();
    expect(api.calls[0]).toEqual({
      route: "POST admin/staff/invite",
      body: { name: "Rosa Díaz", email: "rosa@demo.test", role: "staff" },
    });
  });

  it("tells a consultant that only admins manage staff", async () => {
    api.setRole("staff");
    renderPage(<StaffPage />);
    expect(await screen.findByText("Only admins manage staff and the catalogue.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });
});
