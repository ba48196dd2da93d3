import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { useFeature } from "@referral-app/api-client/react";
import { render, screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { ReferralStats } from "../features/referrals/referral-stats.tsx";
import { MockProviders } from "../test/mock-providers.tsx";
import { setupTestServer } from "../test/mock-server.ts";
import { FeatureToggle } from "./feature-toggle.tsx";

const { server } = setupTestServer();

function serveFeatures(features: Record<string, boolean>) {
  server.use(
    http.get(`${MOCK_BASE_URL}/features`, () => HttpResponse.json({ status: "success", data: features })),
  );
}

function FlagState({ flag }: { flag: string }) {
  return <p>{`${flag}: ${useFeature(flag) ? "on" : "off"}`}</p>;
}

describe("FeatureToggle", () => {
  it("shows its children only when the flag is on for the user", async () => {
    serveFeatures({ "referral-analytics": true, "advanced-filters": false });
    render(
      <MockProviders>
        <FeatureToggle feature="referral-analytics">
          <p>Analytics section</p>
        </FeatureToggle>
        <FeatureToggle feature="advanced-filters" fallback={<p>Basic filters</p>}>
          <p>Advanced filters</p>
        </FeatureToggle>
        <FlagState flag="advanced-filters" />
      </MockProviders>,
    );
    expect(await screen.findByText("Analytics section")).toBeInTheDocument();
    expect(screen.getByText("Basic filters")).toBeInTheDocument();
    expect(screen.queryByText("Advanced filters")).not.toBeInTheDocument();
    expect(screen.getByText("advanced-filters: off")).toBeInTheDocument();
  });

  it("shows the stats chart section only with referral-analytics on", async () => {
    serveFeatures({ "referral-analytics": false });
    const { unmount } = render(
      <MockProviders>
        <ReferralStats />
      </MockProviders>,
    );
    expect(await screen.findByText("Conversion rate")).toBeInTheDocument();
    expect(screen.queryByTestId("referral-analytics")).not.toBeInTheDocument();
    unmount();

    serveFeatures({ "referral-analytics": true });
    render(
      <MockProviders>
        <ReferralStats />
      </MockProviders>,
    );
    expect(await screen.findByTestId("referral-analytics")).toBeInTheDocument();
    // The chart is a lazy chunk (recharts); the first import is slow under the test transformer.
    expect(
      await screen.findByRole("figure", { name: "Referrals by status" }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });
});
