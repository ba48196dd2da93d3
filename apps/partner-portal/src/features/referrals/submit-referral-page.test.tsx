import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { IDEMPOTENCY_KEY_HEADER } from "@referral-app/shared/constants";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { setupPartnerServer } from "../../test/partner-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as SubmitReferralPage } from "./submit-referral-page.tsx";

const api = setupPartnerServer();
const bodies: unknown[] = [];
beforeEach(() => {
  bodies.length = 0;
  api.use();
  api.server.use(
    http.post(`${MOCK_BASE_URL}/referrals`, async ({ request }) => {
      const body = (await request.json()) as { fullName: string; email: string };
      bodies.push(body);
      const now = "2026-03-02T10:00:00.000Z";
      return HttpResponse.json(
        {
          status: "success",
          data: {
            id: "r9",
            referrerId: "u-partner",
            ...body,
            phone: null,
            country: null,
            relationship: null,
            visaInterest: null,
            notes: null,
            status: "pending",
            source: "partner",
            partnerOrganizationId: "org-1",
            referredUserId: null,
            reward: null,
            contactBy: now,
            contactOverdue: false,
            caseId: null,
            friend: null,
            review: null,
            createdAt: now,
            updatedAt: now,
          },
        },
        { status: 201 },
      );
    }),
  );
});

describe("submit a referral", () => {
  it("validates, submits and confirms like the client form", async () => {
    const user = userEvent.setup();
    renderPage(<SubmitReferralPage />);
    await user.click(await screen.findByRole("button", { name: "Submit Referral" }));
    expect(await screen.findByText("Enter a name")).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.type(screen.getByLabelText(/^Full Name/), "Ana Lima");
    await user.type(screen.getByLabelText(/^Email/), "ana@example.com");
    await user.click(screen.getByRole("button", { name: "Submit Referral" }));

    expect(await screen.findByText("Referral submitted successfully!")).toBeInTheDocument();
    await waitFor(() => expect(bodies).toEqual([{ fullName: "Ana Lima", email: "ana@example.com" }]));
  });

  it("after a dropped connection offers a retry that re-sends the same submit, not a second referral", async () => {
    const keys: string[] = [];
    let dropNext = true;
    api.server.use(
      http.post(`${MOCK_BASE_URL}/referrals`, ({ request }) => {
        keys.push(request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? "missing");
        if (!dropNext) return undefined;
        dropNext = false;
        return HttpResponse.error();
      }),
    );
    const user = userEvent.setup();
    renderPage(<SubmitReferralPage />);
    await user.type(await screen.findByLabelText(/^Full Name/), "Ana Lima");
    await user.type(screen.getByLabelText(/^Email/), "ana@example.com");
    await user.click(screen.getByRole("button", { name: "Submit Referral" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(/not known yet whether the referral arrived/);
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Referral submitted successfully!")).toBeInTheDocument();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(bodies).toHaveLength(1);
  });
});
