import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { CaseChecklist, ChecklistLine } from "@referral-app/shared/schemas/document";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { CaseDocumentsCard } from "./case-documents.tsx";

const { server } = setupTestServer();
const CASE_ID = "00000000-0000-4000-8000-000000000001";
const DOC_ID = "00000000-0000-4000-8000-000000000002";

const requirement = (id: string, name: string, stage: ChecklistLine["requirement"]["stage"]) => ({
  id,
  stage,
  name,
  description: "",
  hint: id === "passport" ? "Colour scan of every page" : "",
  required: true,
  personal: false,
  acceptedTypes: ["application/pdf" as const],
  expires: false,
  minValidityMonths: 0,
});
const version = {
  id: DOC_ID,
  version: 1,
  fileName: "bank.pdf",
  contentType: "application/pdf" as const,
  sizeBytes: 1000,
  status: "rejected" as const,
  reviewReason: "The scan is cut off at the bottom",
  reviewedAt: "2026-11-30T10:00:00.000Z",
  uploadedBy: null,
  uploadedAt: "2026-11-29T10:00:00.000Z",
};
const checklist: CaseChecklist = {
  caseId: CASE_ID,
  currentStage: "enquiry",
  maxBytes: 1024 * 1024,
  sharing: null,
  lines: [
    {
      requirement: requirement("passport", "Passport", "enquiry"),
      applicant: { id: CASE_ID, name: "Priya" },
      state: "missing",
      neededNow: true,
      document: null,
    },
    {
      requirement: requirement("bank", "Bank statements", "enquiry"),
      applicant: null,
      state: "rejected",
      neededNow: true,
      document: {
        id: DOC_ID,
        caseId: CASE_ID,
        requirementId: "bank",
        applicantId: null,
        status: "rejected",
        expiresOn: null,
        validUntil: null,
        current: version,
        versions: [version],
        createdAt: version.uploadedAt,
        updatedAt: version.uploadedAt,
      },
    },
    {
      requirement: requirement("offer", "Offer letter", "assessment"),
      applicant: null,
      state: "missing",
      neededNow: false,
      document: null,
    },
  ],
};

describe("CaseDocumentsCard", () => {
  it("shows what is needed now, what was rejected and why, and refuses a too-large file in words", async () => {
    server.use(
      http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
        HttpResponse.json({ status: "success", data: checklist }),
      ),
    );
    render(
      <MockProviders>
        <CaseDocumentsCard caseId={CASE_ID} />
      </MockProviders>,
    );
    const now = (await screen.findByRole("heading", { name: "Needed now" })).closest("section")!;
    expect(within(now).getByText("Passport (Priya)")).toBeInTheDocument();
    expect(within(now).getByText("Needed")).toBeInTheDocument();
    expect(within(now).getByText("Colour scan of every page")).toBeInTheDocument();
    expect(within(now).getByText("Needs a new upload")).toBeInTheDocument();
    expect(within(now).getByRole("note")).toHaveTextContent(
      "Please upload it again: The scan is cut off at the bottom",
    );
    const later = screen.getByRole("heading", { name: "Needed later" }).closest("section")!;
    expect(within(later).getByText("Offer letter")).toBeInTheDocument();

    const big = new File([new Uint8Array(2 * 1024 * 1024)], "huge-scan.pdf", { type: "application/pdf" });
    await userEvent.upload(screen.getByLabelText("Upload Passport (Priya)"), big);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "“huge-scan.pdf” is larger than 1 MB. Choose a smaller file or scan it at a lower resolution.",
    );
  });
});
