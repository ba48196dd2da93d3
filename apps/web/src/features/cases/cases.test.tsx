import { fixtureUuid } from "@referral-app/api-client/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { Component as CasePage } from "./case-page.tsx";
import { Component as CasesPage } from "./cases-page.tsx";

const { store } = setupTestServer();
const openCaseId = fixtureUuid(10);
const allCases = [...store.cases];

function renderAt(route: string) {
  render(
    <MockProviders route={route}>
      <Routes>
        <Route path="/cases" element={<CasesPage />} />
        <Route path="/cases/:id" element={<CasePage />} />
      </Routes>
    </MockProviders>,
  );
}

beforeEach(() => {
  store.cases = [...allCases];
});

describe("Your cases", () => {
  it("lists every case with its stage or outcome in words", async () => {
    renderAt("/cases");
    expect(await screen.findByRole("heading", { name: "Student visa (subclass 500)" })).toBeInTheDocument();
    expect(screen.getByText("Stage: Assessment")).toBeInTheDocument();
    expect(screen.getByText(/^Visa granted on/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Open case RC-2026-00042" })).toHaveAttribute(
      "href",
      `/cases/${openCaseId}`,
    );
  });

  it("goes straight to the case when there is only one", async () => {
    store.cases = allCases.filter((visaCase) => visaCase.id === openCaseId);
    renderAt("/cases");
    expect(await screen.findByRole("heading", { level: 1, name: "Case RC-2026-00042" })).toBeInTheDocument();
  });

  it("says so when there are none", async () => {
    store.cases = [];
    renderAt("/cases");
    expect(await screen.findByText("No cases yet")).toBeInTheDocument();
  });
});

describe("Case page", () => {
  it("shows the stages with dates, the consultant, the client's notes only and the applicants", async () => {
    renderAt(`/cases/${openCaseId}`);
    const stages = await screen.findByRole("list", { name: "Visa application progress" });
    const current = within(stages)
      .getAllByRole("listitem")
      .find((item) => item.getAttribute("aria-current") === "step");
    expect(current).toHaveTextContent(/Assessment/);
    expect(current).toHaveTextContent(/Since /);
    const consultant = screen.getByRole("region", { name: "Your consultant" });
    expect(within(consultant).getByText("Priya Shah")).toBeInTheDocument();
    const notes = screen.getByRole("region", { name: "Notes from your consultant" });
    expect(await within(notes).findByText(/Your offer letter looks good/)).toBeInTheDocument();
    expect(screen.queryByText(/Client prefers calls/)).not.toBeInTheDocument();
    expect(screen.getByText(/^Spouse/)).toBeInTheDocument();
    expect(screen.getByText(/^Main applicant/)).toBeInTheDocument();
  });

  it("marks a task as done with its button and shows it done", async () => {
    renderAt(`/cases/${openCaseId}`);
    const tasks = await screen.findByRole("region", { name: "Tasks" });
    const button = await within(tasks).findByRole("button", {
      name: "Mark “Book your medical exam” as done",
    });
    expect(within(tasks).getByText(/^Overdue since/)).toBeInTheDocument(); // the passport scan
    await userEvent.click(button);
    await waitFor(() =>
      expect(
        within(tasks).queryByRole("button", { name: "Mark “Book your medical exam” as done" }),
      ).not.toBeInTheDocument(),
    );
    expect(store.caseTasks.find((task) => task.title === "Book your medical exam")?.state).toBe("done");
    expect(await screen.findByText("Task marked as done.")).toBeInTheDocument();
  });

  it("answers someone else's case with a clear not-found", async () => {
    renderAt(`/cases/${fixtureUuid(999)}`);
    expect(await screen.findByRole("heading", { name: "Case not found" })).toBeInTheDocument();
  });
});
