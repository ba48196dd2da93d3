import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { CaseChecklist } from "@referral-app/shared/schemas/document";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setupPartnerServer } from "../../test/partner-handlers.ts";
import { renderPage } from "../../test/render-page.tsx";
import { SharedDocuments } from "./shared-documents.tsx";

const api = setupPartnerServer();
const CASE_ID = "00000000-0000-4000-8000-000000000001";
const DOC_ID = "00000000-0000-4000-8000-000000000002";
const version = {
  id: "00000000-0000-4000-8000-000000000003",
  version: 2,
  fileName: "offer-letter.pdf",
  contentType: "application/pdf" as const,
  sizeBytes: 1000,
  status: "accepted" as const,
  reviewReason: null,
  reviewedAt: "2026-11-30T10:00:00.000Z",
  uploadedBy: null,
  uploadedAt: "2026-11-29T10:00:00.000Z",
};
// What the server answers a partner: only the lines that have a document, and no sharing block.
const checklist: CaseChecklist = {
  caseId: CASE_ID,
  currentStage: "application",
  maxBytes: 25 * 1024 * 1024,
  sharing: null,
  lines: [
    {
      requirement: {
        id: "offer-letter",
        stage: "assessment",
        name: "Offer letter",
        description: "",
        hint: "",
        required: true,
        personal: false,
        acceptedTypes: ["application/pdf"],
        expires: false,
        minValidityMonths: 0,
      },
      applicant: null,
      state: "accepted",
      neededNow: true,
      document: {
        id: DOC_ID,
        caseId: CASE_ID,
        requirementId: "offer-letter",
        applicantId: null,
        status: "accepted",
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

afterEach(() => vi.unstubAllGlobals());

describe("documents shared with the partner", () => {
  it("lists them read-only and downloads through a signed link", async () => {
    const links: string[] = [];
    api.use();
    api.server.use(
      http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
        HttpResponse.json({ status: "success", data: checklist }),
      ),
      http.get(`${MOCK_BASE_URL}/documents/${DOC_ID}/download`, ({ request }) => {
        links.push(new URL(request.url).search);
        return HttpResponse.json({
          status: "success",
          data: { url: "https://files.example/signed?token=abc", expiresAt: "2026-12-01T10:05:00.000Z" },
        });
      }),
    );
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    renderPage(<SharedDocuments caseId={CASE_ID} />);
    const list = await screen.findByRole("list", { name: "Documents the client shared" });
    expect(within(list).getByText("Offer letter")).toBeInTheDocument();
    expect(within(list).getByText("offer-letter.pdf, version 2 · Accepted")).toBeInTheDocument();
    // Read-only: no upload, review or delete.
    expect(screen.queryByRole("button", { name: /upload|accept|reject|delete/i })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/upload/i)).not.toBeInTheDocument();

    await userEvent.click(within(list).getByRole("button", { name: "Download Offer letter" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("https://files.example/signed?token=abc"));
    expect(links).toEqual(["?format=json&disposition=attachment"]);
  });

  it("says in words when the client has not shared them", async () => {
    api.use();
    api.server.use(
      http.get(`${MOCK_BASE_URL}/cases/${CASE_ID}/documents`, () =>
        HttpResponse.json(
          {
            status: "error",
            message: "Case not found",
            error: { code: "NOT_FOUND", message: "Case not found" },
          },
          { status: 404 },
        ),
      ),
    );
    renderPage(<SharedDocuments caseId={CASE_ID} />);
    expect(
      await screen.findByText("The client has not shared the documents on this case with you."),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NOT_FOUND|Case not found/)).not.toBeInTheDocument();
  });
});
