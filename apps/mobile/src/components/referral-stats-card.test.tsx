import { REFERRAL_STATUS_VALUES } from "@referral-app/shared/constants";
import type { ReferralStats } from "@referral-app/shared/schemas/referral";
import { render, screen } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { ReferralStatsCard } from "./referral-stats-card";

describe("ReferralStatsCard", () => {
  it("shows earned and pending apart, each saying what it holds", async () => {
    const app = createTestApp({ network: createTestNetwork(), outboxStorage: memoryOutboxStorage() });
    const stats: ReferralStats = {
      total: 3,
      byStatus: Object.fromEntries(
        REFERRAL_STATUS_VALUES.map((status) => [status, 0]),
      ) as ReferralStats["byStatus"],
      conversionRate: 2 / 3,
      rewards: [{ currency: "USD", earnedMinor: 10_000, pendingMinor: 20_000 }],
    };
    await render(app.wrap(<ReferralStatsCard stats={stats} />));
    expect(screen.getByLabelText("Earned: $100.00. Approved, paid or credited")).toBeOnTheScreen();
    expect(
      screen.getByLabelText("Pending: $200.00. Held until the date shown, then approved"),
    ).toBeOnTheScreen();
  });
});
