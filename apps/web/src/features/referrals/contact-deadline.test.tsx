import { fixtures } from "@referral-app/api-client/mocks";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { ContactDeadline } from "./contact-deadline.tsx";

const base = fixtures.referrals[0] as Referral;
const mei: Referral = {
  ...base,
  fullName: "Mei Lin",
  status: "pending",
  contactBy: "2026-12-03T17:00:00.000Z",
};

function renderDeadline(referral: Referral) {
  return render(
    <MockProviders>
      <ContactDeadline referral={referral} />
    </MockProviders>,
  );
}

describe("ContactDeadline", () => {
  it("tells the referrer by which day we will contact their friend", () => {
    renderDeadline({ ...mei, contactOverdue: false });
    expect(screen.getByText("We will contact Mei by Thursday, December 3")).toBeInTheDocument();
  });

  it("says it is taking longer than usual once the deadline has passed", () => {
    renderDeadline({ ...mei, contactOverdue: true });
    expect(screen.getByText("Taking longer than usual")).toBeInTheDocument();
    expect(screen.queryByText(/We will contact/)).not.toBeInTheDocument();
  });

  it("says nothing once the friend has been contacted", () => {
    const { container } = renderDeadline({ ...mei, status: "contacted", contactOverdue: true });
    expect(container).toBeEmptyDOMElement();
  });
});
