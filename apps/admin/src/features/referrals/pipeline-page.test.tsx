import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { setupAdminServer } from "../../test/admin-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as PipelinePage } from "./pipeline-page.tsx";

const api = setupAdminServer();
beforeEach(() => api.use());

function optionLabels(select: HTMLElement) {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent);
}

async function openReferral(name: string) {
  const user = userEvent.setup();
  renderPage(<PipelinePage />);
  await user.click(await screen.findByRole("button", { name: `Open ${name}` }));
  const dialog = await screen.findByRole("dialog");
  await within(dialog).findByRole("form", { name: "Change status" });
  return { user, dialog };
}

describe("referral pipeline", () => {
  it("lists referrals with their status, age and the overdue flag", async () => {
    renderPage(<PipelinePage />);
    const table = await screen.findByRole("table", { name: "Referrals matching the filters" });
    const row = within(table).getByRole("row", { name: /Ada Pending/ });
    expect(within(row).getByText("Pending")).toBeInTheDocument();
    expect(within(row).getByText("Overdue")).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Bo Contacted/ })).not.toHaveTextContent("Overdue");
    expect(screen.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
      "href",
      "http://localhost:3000/api/admin/referrals/export.csv?sort=newest",
    );
  });

  it("offers only the allowed transitions and sends the change to the API", async () => {
    const { user, dialog } = await openReferral("Ada Pending");
    const select = within(dialog).getByLabelText(/Move to/);
    expect(optionLabels(select)).toEqual(["Choose a status", "Contacted", "Rejected"]);

    await user.selectOptions(select, "contacted");
    await user.type(within(dialog).getByLabelText(/Internal note/), "Called on Monday");
    await user.type(within(dialog).getByLabelText(/Message to the referrer/), "We will call again soon");
    await user.click(within(dialog).getByRole("button", { name: "Update status" }));

    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "PATCH admin/referrals/r1/status",
        body: {
          status: "contacted",
          internalNote: "Called on Monday",
          messageToReferrer: "We will call again soon",
        },
      }),
    );
    // The form now starts from the new status: contacted → qualified or rejected.
    await waitFor(() =>
      expect(optionLabels(within(dialog).getByLabelText(/Move to/))).toEqual([
        "Choose a status",
        "Qualified",
        "Rejected",
      ]),
    );
  });

  it("offers converted from qualified, and nothing once a referral is final", async () => {
    const { dialog } = await openReferral("Cy Qualified");
    expect(optionLabels(within(dialog).getByLabelText(/Move to/))).toEqual([
      "Choose a status",
      "Converted",
      "Rejected",
    ]);
  });

  it("says a converted referral is final and offers no move", async () => {
    const user = userEvent.setup();
    renderPage(<PipelinePage />);
    await user.click(await screen.findByRole("button", { name: "Open Di Converted" }));
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByText(/This referral is final/)).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/Move to/)).not.toBeInTheDocument();
  });

  it("requires a target status before calling the API", async () => {
    const { user, dialog } = await openReferral("Ada Pending");
    await user.click(within(dialog).getByRole("button", { name: "Update status" }));
    expect(within(dialog).getAllByText("Choose a status").length).toBeGreaterThan(1);
    expect(api.state.calls).toEqual([]);
  });

  it("rejects only with a reason and after a confirmation, then says it is done", async () => {
    const { user, dialog } = await openReferral("Ada Pending");
    await user.selectOptions(within(dialog).getByLabelText(/Move to/), "rejected");
    await user.click(within(dialog).getByRole("button", { name: "Update status" }));
    expect(within(dialog).getByText("Give a reason for rejecting this referral.")).toBeInTheDocument();
    expect(screen.queryByRole("dialog", { name: /as Rejected\?$/ })).not.toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/Reason for rejecting/), "Not eligible");
    await user.click(within(dialog).getByRole("button", { name: "Update status" }));
    const confirm = await screen.findByRole("dialog", { name: "Mark Ada Pending as Rejected?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.state.calls).toEqual([]);

    await user.click(within(dialog).getByRole("button", { name: "Update status" }));
    await user.click(
      within(await screen.findByRole("dialog", { name: "Mark Ada Pending as Rejected?" })).getByRole(
        "button",
        {
          name: "Yes, mark as Rejected",
        },
      ),
    );
    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "PATCH admin/referrals/r1/status",
        body: { status: "rejected", internalNote: "Not eligible" },
      }),
    );
    expect(await within(dialog).findByText(/Done: this referral is now Rejected/)).toBeInTheDocument();
  });
});

describe("bulk status change", () => {
  it("moves the selected referrals and reports the skipped ones", async () => {
    const user = userEvent.setup();
    renderPage(<PipelinePage />);
    await user.click(await screen.findByRole("checkbox", { name: "Select Ada Pending" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Cy Qualified" }));
    const bar = screen.getByRole("region", { name: "Move selected to" });
    expect(within(bar).getByText("2 selected")).toBeInTheDocument();

    // Only statuses some selected referral can reach: pending → contacted/rejected, qualified → converted/rejected.
    const select = within(bar).getByLabelText("Move selected to");
    expect(optionLabels(select)).toEqual(["Choose a status", "Contacted", "Converted", "Rejected"]);
    await user.selectOptions(select, "contacted");
    await user.click(within(bar).getByRole("button", { name: "Apply to selected" }));

    await waitFor(() =>
      expect(api.state.calls).toContainEqual({
        route: "POST admin/referrals/bulk-status",
        body: { ids: ["r1", "r3"], status: "contacted" },
      }),
    );
    expect(await screen.findByText("1 updated, 1 skipped", {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Move selected to" })).not.toBeInTheDocument();
  });

  it("selects every shown referral with the header checkbox", async () => {
    const user = userEvent.setup();
    renderPage(<PipelinePage />);
    await user.click(await screen.findByRole("checkbox", { name: "Select all shown" }));
    expect(screen.getByText("4 selected")).toBeInTheDocument();
  });
});
