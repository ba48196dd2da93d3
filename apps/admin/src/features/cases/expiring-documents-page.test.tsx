import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderPage } from "../../test/render-page.tsx";
import { Component as ExpiringPage } from "./expiring-documents-page.tsx";

const asked: string[] = [];
const server = setupServer(
  http.get(`${MOCK_BASE_URL}/admin/documents/expiring`, ({ request }) => {
    const days = new URL(request.url).searchParams.get("withinDays") ?? "";
    asked.push(days);
    return HttpResponse.json({
      status: "success",
      data:
        days === "30"
          ? [
              {
                documentId: "00000000-0000-4000-8000-000000000002",
                caseId: "00000000-0000-4000-8000-000000000001",
                caseNumber: "RC-2026-00042",
                clientName: "Priya Client",
                requirementName: "Passport",
                applicantName: "Anya Client",
                expiresOn: "2027-06-20",
                validUntil: "2026-12-20",
                daysLeft: 19,
              },
            ]
          : [],
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("Expiring soon", () => {
  it("lists documents running out within the window, in words, linked to their case", async () => {
    renderPage(<ExpiringPage />);
    expect(await screen.findByRole("rowheader", { name: "Passport (Anya Client)" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "RC-2026-00042" })).toHaveAttribute(
      "href",
      "/cases/00000000-0000-4000-8000-000000000001",
    );
    expect(screen.getByText("19 days")).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("Within"), "7");
    expect(await screen.findByText("Nothing runs out in this time.")).toBeInTheDocument();
    expect(asked).toEqual(["30", "7"]);
  });
});
