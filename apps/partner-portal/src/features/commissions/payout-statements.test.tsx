import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { screen } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { setupPartnerServer } from "../../test/partner-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { PayoutStatements } from "./payout-statements.tsx";

const api = setupPartnerServer();
const batch = (id: string, status: "open" | "paid") => ({
  id,
  number: `PAY-2026-000${id.at(-1)}`,
  partnerOrganizationId: "00000000-0000-4000-8000-000000000009",
  partnerOrganizationName: "Global Study Agency",
  currency: "USD",
  totalMinor: 45_000,
  commissionCount: 3,
  status,
  paymentReference: status === "paid" ? "SEPA-42" : null,
  paidAt: status === "paid" ? "2026-11-20T10:00:00.000Z" : null,
  createdAt: "2026-11-18T10:00:00.000Z",
});

beforeEach(() => {
  api.use();
  api.server.use(
    http.get(`${MOCK_BASE_URL}/partners/payout-statements`, () =>
      HttpResponse.json({
        status: "success",
        data: [
          batch("00000000-0000-4000-8000-000000000002", "open"),
          batch("00000000-0000-4000-8000-000000000001", "paid"),
        ],
      }),
    ),
  );
});

describe("payout statements", () => {
  it("lists each statement with its total, paid or not, and its PDF", async () => {
    renderPage(<PayoutStatements />);
    expect(await screen.findByText("PAY-2026-0001: $450.00 for 3 commissions")).toBeInTheDocument();
    expect(screen.getByText(/^Paid on .+, reference SEPA-42$/)).toBeInTheDocument();
    expect(screen.getByText("Not paid yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Statement PAY-2026-0001 (PDF)" }).getAttribute("href")).toBe(
      "/api/partners/payout-statements/00000000-0000-4000-8000-000000000001/statement.pdf",
    );
  });
});
