import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { CaseChecklist } from "@referral-app/shared/schemas/document";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderPage } from "../../test/render-page.tsx";
import { CaseDocumentsReview } from "./case-documents-review.tsx";

const CASE_ID = "00000000-0000-4000-8000-000000000001";
const DOC_ID = "00000000-0000-4000-8000-000000000002";
const version = {
  id: "00000000-0000-4000-8000-000000000003",
  version: 2,
  fileName: "passport.png",
  contentType: "image/png" as const,
  sizeBytes: 1000,
  status: "uploaded" as const,
  reviewReason: null,
  reviewedAt: null,
  uploadedBy: null,
  uploadedAt: "2026-11-29T10:00:00.000Z",
};
const checklist: CaseChecklist = {
  caseId: CASE_ID,
  currentStage: "enquiry",
  maxBytes: 1024,
  sharing: null,
  lines: [
    {
      requirement: {
        id: "passport",
        stage: "enquiry",
        name: "Passport",
        description: "",
        hint: "",
        required: true,
        personal: false,
        acceptedTypes: ["image/png"],
        expires: false,
        minValidityMonths: 0,
      },
      applicant: null,
      state: "uploaded",
      neededNow: true,
      document: {
        id: DOC_ID,
        caseId: CASE_ID,
        requirementId: "passport",
        applicantId: null,
        status: "uploaded",
        expiresOn: null,
        validUntil: null,
        current: version,
        versions: [version],
        createdAt: version.uploadedAt,
        updatedAt: version.uploadedAt,
      },
    },
  ],
};

const reviews: unknown[] = [];
const server = setupServer(
  http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
    HttpResponse.json({ status: "success", data: checklist }),
  ),
  http.get(`${MOCK_BASE_URL}/documents/${DOC_ID}/download`, () =>
    HttpResponse.json({
      status: "success",
      data: { url: "https://files.test/passport.png", expiresAt: "2026-12-01T10:05:00.000Z" },
    }),
  ),
  http.post(`${MOCK_BASE_URL}/admin/documents/${DOC_ID}/review`, async ({ request }) => {
    reviews.push(await request.json());
    return HttpResponse.json({
      status: "success",
      data: { ...checklist.lines[0]!.document, status: "rejected" },
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("staff document review", () => {
  it("previews the document inline and rejects only with a reason", async () => {
    const user = userEvent.setup();
    renderPage(<CaseDocumentsReview caseId={CASE_ID} />);
    expect(await screen.findByText("Passport")).toBeInTheDocument();
    expect(screen.getByText("To review")).toBeInTheDocument();
    expect(screen.getByText("passport.png, version 2")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByRole("img", { name: "Preview of Passport" })).toHaveAttribute(
      "src",
      "https://files.test/passport.png",
    );

    await user.click(screen.getByRole("button", { name: "Reject" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Say why, so the client knows what to fix.");
    expect(reviews).toEqual([]);
    await user.type(
      screen.getByLabelText("Why it is rejected (the client reads this)"),
      "The photo page is blurred",
    );
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await waitFor(() =>
      expect(reviews).toEqual([{ decision: "rejected", reason: "The photo page is blurred" }]),
    );
  });
});
