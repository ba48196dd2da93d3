import { fixtureUuid, MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as CasePage } from "./case-page.tsx";

const api = setupCaseServer();
const caseId = fixtureUuid(10);

/** The server's gate: without an override, leaving the stage answers 409 naming what is missing. */
function gateDocuments() {
  const refused: unknown[] = [];
  api.use(
    http.post(`${MOCK_BASE_URL}/admin/cases/:id/stage`, async ({ request }) => {
      const body = (await request.clone().json()) as { overrideDocuments?: boolean };
      // With the override, on to the recording and shared handlers (the move succeeds).
      if (body.overrideDocuments) return undefined;
      refused.push(body);
      return HttpResponse.json(
        {
          status: "error",
          message: "Still needed before the case moves on: Passport (Priya Sharma), Offer letter (CAS)",
          error: {
            code: "DOCUMENTS_MISSING",
            message: "Still needed before the case moves on: Passport (Priya Sharma), Offer letter (CAS)",
            details: {
              documents: [
                {
                  requirementId: "passport",
                  applicantId: "a1",
                  name: "Passport (Priya Sharma)",
                  state: "missing",
                },
                {
                  requirementId: "offer-letter",
                  applicantId: null,
                  name: "Offer letter (CAS)",
                  state: "rejected",
                },
              ],
            },
          },
        },
        { status: 409 },
      );
    }),
  );
  return refused;
}

const stageCalls = () => api.calls.filter((call) => call.route === `POST admin/cases/${caseId}/stage`);

describe("staff stage form and the documents gate", () => {
  it("names the missing documents in words and advances anyway only with a note", async () => {
    const refused = gateDocuments();
    const user = userEvent.setup();
    renderPage(<CasePage />, { route: `/cases/${caseId}`, path: "/cases/:id" });
    const form = await screen.findByRole("form", { name: "Stage" });
    await user.selectOptions(within(form).getByLabelText("Move to"), "application");
    await user.click(within(form).getByRole("button", { name: "Move stage" }));
    await expect.poll(() => refused).toEqual([{ stage: "application" }]);

    const blocked = await within(form).findByRole("alert", {
      name: "These documents are still needed before the case moves on:",
    });
    expect(within(blocked).getByText("Passport (Priya Sharma): Missing")).toBeInTheDocument();
    expect(within(blocked).getByText("Offer letter (CAS): Rejected")).toBeInTheDocument();
    expect(within(form).queryByText(/DOCUMENTS_MISSING|Still needed before/)).not.toBeInTheDocument();

    // No note, no override: nothing more is sent.
    await user.click(within(blocked).getByRole("button", { name: "Advance anyway" }));
    expect(within(blocked).getByText("Say why the case moves on without its documents.")).toBeInTheDocument();
    expect(refused).toHaveLength(1);
    expect(stageCalls()).toHaveLength(0);

    await user.type(
      within(blocked).getByLabelText(/^Why it moves on without them/),
      "The passport is at the embassy; we lodge with a copy.",
    );
    await user.click(within(blocked).getByRole("button", { name: "Advance anyway" }));
    await expect
      .poll(() => stageCalls()[0]?.body)
      .toEqual({
        stage: "application",
        note: "The passport is at the embassy; we lodge with a copy.",
        overrideDocuments: true,
      });
    expect(
      await screen.findByText("Moved to Application; the client is notified.", {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("lets staff wait for the documents instead", async () => {
    const refused = gateDocuments();
    const user = userEvent.setup();
    renderPage(<CasePage />, { route: `/cases/${caseId}`, path: "/cases/:id" });
    const form = await screen.findByRole("form", { name: "Stage" });
    await user.selectOptions(within(form).getByLabelText("Move to"), "application");
    await user.click(within(form).getByRole("button", { name: "Move stage" }));
    const blocked = await within(form).findByRole("alert");
    await user.click(within(blocked).getByRole("button", { name: "Wait for the documents" }));
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
    expect(refused).toHaveLength(1);
    expect(stageCalls()).toHaveLength(0);
  });
});
