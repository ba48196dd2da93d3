import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { MoneyAnalyticsSection } from "./money-analytics.tsx";

setupCaseServer();

describe("money analytics", () => {
  it("shows revenue by month, the outstanding balance and referral ROI per channel in words", async () => {
    renderPage(<MoneyAnalyticsSection />, { route: "/analytics", path: "/analytics" });
    expect(await screen.findByText("$1,500.00 owed on 1 invoice ($0.00 overdue)")).toBeInTheDocument();
    expect(screen.getByText("Client referrals (USD): 8×")).toBeInTheDocument();
    // Each chart is captioned and repeated as a table for screen readers.
    expect(screen.getAllByText("Revenue by month").length).toBeGreaterThan(0);
    expect(screen.getAllByText("Referral ROI per channel").length).toBeGreaterThan(0);
  });
});
