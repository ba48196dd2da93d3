import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { ReferralList } from "./referral-list.tsx";

const { store } = setupTestServer();

describe("ReferralList", () => {
  it("lists referrals with status badges, filters by status and opens the history", async () => {
    render(
      <MockProviders>
        <ReferralList />
      </MockProviders>,
    );
    const table = await screen.findByRole("table", { name: "Your referrals" });
    const converted = store.referrals.find((referral) => referral.status === "converted");
    if (!converted) throw new Error("the mock store has no converted referral");

    await userEvent.selectOptions(screen.getByLabelText("Status"), "converted");
    const row = await screen.findByRole("row", { name: new RegExp(converted.fullName) });
    expect(within(row).getByText("Converted")).toHaveAttribute("data-status", "converted");
    expect(within(table).queryByText("Pending")).not.toBeInTheDocument();

    await userEvent.click(within(row).getByRole("button", { name: `Details for ${converted.fullName}` }));
    const dialog = await screen.findByRole("dialog", { name: converted.fullName });
    expect(await within(dialog).findByRole("heading", { name: "Status history" })).toBeInTheDocument();
    expect(within(dialog).getAllByRole("listitem").length).toBe(converted.history.length);
  });
});
