import { fixtureUuid } from "@referral-app/api-client/mocks";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { Route, Routes } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { MockProviders } from "../../test/mock-providers.tsx";
import { setupTestServer } from "../../test/mock-server.ts";
import { Component as CasePage } from "./case-page.tsx";
import { Component as CasesPage } from "./cases-page.tsx";

const { server, store } = setupTestServer();
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

  it("shows the case's timeline in words, newest first, with the notes and a link to the conversation", async () => {
    const entry = (n: number, kind: string, data: Record<string, unknown>, at: string) => ({
      id: fixtureUuid(500 + n),
      kind,
      summary: "English summary for logs",
      data,
      actorName: "Priya Shah",
      visibility: "client",
      createdAt: at,
    });
    // The API's answer for a client: their entries only, oldest first.
    server.use(
      http.get("*/api/cases/:id/timeline", () =>
        HttpResponse.json({
          status: "success",
          data: [
            entry(1, "opened", { toStage: "enquiry" }, "2026-01-05T09:00:00.000Z"),
            entry(
              2,
              "stage_changed",
              { fromStage: "detailed_enquiry", toStage: "assessment", note: "We have everything we need." },
              "2026-02-10T09:00:00.000Z",
            ),
            entry(
              3,
              "task_completed",
              { taskId: fixtureUuid(30), title: "Book your medical exam" },
              "2026-02-12T09:00:00.000Z",
            ),
            entry(
              4,
              "message",
              {
                conversationId: fixtureUuid(700),
                messageId: fixtureUuid(701),
                firstLine: "Is my visa on track?",
              },
              "2026-02-14T09:00:00.000Z",
            ),
          ],
        }),
      ),
    );
    renderAt(`/cases/${openCaseId}`);
    const timeline = await screen.findByRole("region", { name: "Case timeline" });
    const items = await within(timeline).findAllByRole("listitem");
    expect(items.map((item) => item.querySelector("p")?.textContent)).toEqual([
      "Message in your conversation with your consultant",
      "Task done: Book your medical exam",
      "Moved from Detailed enquiry to Assessment",
      "Your case was opened",
    ]);
    expect(within(timeline).getByText("We have everything we need.")).toBeInTheDocument();
    expect(within(timeline).getByText("Is my visa on track?")).toBeInTheDocument();
    expect(within(timeline).getByRole("link", { name: "Open the conversation" })).toHaveAttribute(
      "href",
      `/messages/${fixtureUuid(700)}`,
    );
    expect(within(timeline).getAllByText(/by Priya Shah/)).toHaveLength(4);
    expect(
      within(timeline).queryByText(/stage_changed|task_completed|English summary/),
    ).not.toBeInTheDocument();
  });

  it("answers someone else's case with a clear not-found", async () => {
    renderAt(`/cases/${fixtureUuid(999)}`);
    expect(await screen.findByRole("heading", { name: "Case not found" })).toBeInTheDocument();
  });
});
