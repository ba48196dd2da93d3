import { fixtureUuid } from "@referral-app/api-client/mocks";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as VisaTypesPage } from "./visa-types-page.tsx";

const api = setupCaseServer({ role: "admin" });

describe("visa-type catalogue", () => {
  it("edits name, description and the documents per stage, one per line", async () => {
    const user = userEvent.setup();
    renderPage(<VisaTypesPage />);
    const row = await screen.findByRole("row", { name: /Student visa/ });
    expect(within(row).getByText("3 documents")).toBeInTheDocument();
    await user.click(within(row).getByRole("button", { name: "Edit Student visa (subclass 500)" }));
    const dialog = await screen.findByRole("dialog", { name: "Student visa (subclass 500)" });
    const assessment = within(dialog).getByLabelText("Documents for Assessment");
    expect(assessment).toHaveValue("Passport\nOffer letter");
    await user.type(assessment, "\nEnglish test results\n");
    await user.click(within(dialog).getByLabelText("Offered for new cases"));
    await user.click(within(dialog).getByRole("button", { name: "Save visa type" }));
    await expect.poll(() => api.calls[0]?.route).toBe(`PATCH admin/visa-types/${fixtureUuid(1)}`);
    expect(api.calls[0]?.body).toEqual({
      name: "Student visa (subclass 500)",
      destinationCountry: "AU",
      description: "Study full time at a registered institution.",
      stageDocuments: {
        assessment: ["Passport", "Offer letter", "English test results"],
        application: ["Health insurance"],
      },
      active: false,
    });
  });

  it("adds a visa type", async () => {
    const user = userEvent.setup();
    renderPage(<VisaTypesPage />);
    await user.click(await screen.findByRole("button", { name: "Add a visa type" }));
    const dialog = await screen.findByRole("dialog", { name: "Add a visa type" });
    await user.type(within(dialog).getByLabelText(/^Name/), "Partner visa");
    await user.selectOptions(within(dialog).getByLabelText(/^Destination/), "New Zealand");
    await user.type(within(dialog).getByLabelText("Documents for Enquiry"), "Relationship evidence");
    await user.click(within(dialog).getByRole("button", { name: "Save visa type" }));
    await expect
      .poll(() => api.calls[0]?.body)
      .toEqual({
        name: "Partner visa",
        destinationCountry: "NZ",
        description: "",
        stageDocuments: { enquiry: ["Relationship evidence"] },
      });
  });
});
