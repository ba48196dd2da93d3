import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { CaseChecklist } from "@referral-app/shared/schemas/document";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { CaseDocumentsCard } from "./case-documents.tsx";

const { server } = setupTestServer();
const CASE_ID = "00000000-0000-4000-8000-000000000001";
const PARTNER = "Global Education Partners";

function checklistWith(shared: boolean): CaseChecklist {
  return {
    caseId: CASE_ID,
    currentStage: "assessment",
    maxBytes: 25 * 1024 * 1024,
    sharing: { partnerOrganizationId: "00000000-0000-4000-8000-000000000009", partnerName: PARTNER, shared },
    lines: [
      {
        requirement: {
          id: "passport",
          stage: "assessment",
          name: "Passport",
          description: "",
          hint: "",
          required: true,
          personal: false,
          acceptedTypes: ["application/pdf"],
          expires: false,
          minValidityMonths: 0,
        },
        applicant: null,
        state: "missing",
        neededNow: true,
        document: null,
      },
    ],
  };
}

describe("sharing documents with the referring partner", () => {
  it("shares only after the client agrees, and stops again", async () => {
    let shared = false;
    const sent: unknown[] = [];
    server.use(
      http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
        HttpResponse.json({ status: "success", data: checklistWith(shared) }),
      ),
      http.put(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents/sharing`, async ({ request }) => {
        const body = (await request.json()) as { shared: boolean };
        sent.push(body);
        shared = body.shared;
        return HttpResponse.json({ status: "success", data: checklistWith(shared) });
      }),
    );
    const user = userEvent.setup();
    render(
      <MockProviders>
        <CaseDocumentsCard caseId={CASE_ID} />
      </MockProviders>,
    );
    expect(await screen.findByRole("heading", { name: `Sharing with ${PARTNER}` })).toBeInTheDocument();
    expect(
      screen.getByText(/referred you to us\. If you agree, they can see and download/),
    ).toBeInTheDocument();
    const share = screen.getByRole("button", { name: `Share with ${PARTNER}` });
    expect(share).toBeDisabled();

    await user.click(screen.getByLabelText(`I agree that ${PARTNER} may see the documents on this case.`));
    await user.click(share);
    expect(await screen.findByRole("status")).toHaveTextContent(
      `${PARTNER} can see the documents on this case. We recorded your agreement.`,
    );
    expect(sent).toEqual([{ shared: true }]);

    await user.click(screen.getByRole("button", { name: "Stop sharing" }));
    expect(await screen.findByRole("button", { name: `Share with ${PARTNER}` })).toBeDisabled();
    expect(sent).toEqual([{ shared: true }, { shared: false }]);
  });

  it("says so when the choice is not saved", async () => {
    server.use(
      http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
        HttpResponse.json({ status: "success", data: checklistWith(false) }),
      ),
      http.put(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents/sharing`, () =>
        HttpResponse.json(
          { status: "error", message: "Down", error: { code: "INTERNAL_ERROR", message: "Down" } },
          { status: 503 },
        ),
      ),
    );
    const user = userEvent.setup();
    render(
      <MockProviders>
        <CaseDocumentsCard caseId={CASE_ID} />
      </MockProviders>,
    );
    await user.click(
      await screen.findByLabelText(`I agree that ${PARTNER} may see the documents on this case.`),
    );
    await user.click(screen.getByRole("button", { name: `Share with ${PARTNER}` }));
    expect(await screen.findByText("Your choice was not saved. Please try again.")).toBeInTheDocument();
  });
});
