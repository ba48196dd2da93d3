import { fixtureUuid } from "@referral-app/api-client/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { setupCaseServer } from "../../test/case-server.ts";
import { renderPage } from "../../test/render-page.tsx";
import { Component as CasePage } from "./case-page.tsx";

const api = setupCaseServer();
const caseId = fixtureUuid(10);

function renderCase(id = caseId) {
  renderPage(<CasePage />, { route: `/cases/${id}`, path: "/cases/:id" });
}

describe("staff case page", () => {
  it("shows one timeline in words, internal entries marked, with the note bodies", async () => {
    renderCase();
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    expect(
      await within(timeline).findByText("Moved from Detailed enquiry to Assessment"),
    ).toBeInTheDocument();
    expect(within(timeline).getByText("Task added: Book your medical exam")).toBeInTheDocument();
    expect(await within(timeline).findByText("Client prefers calls after 5 pm.")).toBeInTheDocument();
    expect(within(timeline).getByText("Staff only")).toBeInTheDocument();
    expect(within(timeline).queryByText(/stage_changed|note_added/)).not.toBeInTheDocument();
  });

  it("moves the stage with a note to the client, which joins the timeline", async () => {
    const user = userEvent.setup();
    renderCase();
    const form = await screen.findByRole("form", { name: "Stage" });
    await user.selectOptions(within(form).getByLabelText("Move to"), "application");
    await user.type(within(form).getByLabelText("Note to the client (optional)"), "We are lodging it today.");
    await user.click(within(form).getByRole("button", { name: "Move stage" }));
    // Wait on what the user sees, in the order it comes: the timeline's refetch after the answered
    // request brings the entry (so the request is recorded by then), and the success message follows
    // the refetch of every case query. A one-second poll on the recorded call failed under load.
    const timeline = screen.getByRole("region", { name: "Timeline" });
    const entry = (await within(timeline).findByText("Moved from Assessment to Application")).closest("li")!;
    expect(within(entry).getByText("We are lodging it today.")).toBeInTheDocument();
    expect(api.calls.filter((call) => call.route === `POST admin/cases/${caseId}/stage`)).toEqual([
      {
        route: `POST admin/cases/${caseId}/stage`,
        body: { stage: "application", note: "We are lodging it today." },
      },
    ]);
    expect(
      await screen.findByText("Moved to Application; the client is notified.", {}, { timeout: 5_000 }),
    ).toBeInTheDocument();
  });

  it("adds a client note and a client task", async () => {
    const user = userEvent.setup();
    renderCase();
    const noteForm = await screen.findByRole("form", { name: "Add a note" });
    await user.type(within(noteForm).getByLabelText(/^Note/), "Please bring your passport.");
    await user.click(within(noteForm).getByLabelText("Shown to the client"));
    await user.click(within(noteForm).getByRole("button", { name: "Add note" }));
    await expect
      .poll(() => api.calls.find((call) => call.route === `POST admin/cases/${caseId}/notes`)?.body)
      .toEqual({ body: "Please bring your passport.", visibility: "client" });

    const taskForm = screen.getByRole("form", { name: "Add a task" });
    await user.type(within(taskForm).getByLabelText(/^Task/), "Send your bank statements");
    await user.click(within(taskForm).getByRole("button", { name: "Add task" }));
    const tasks = screen.getByRole("region", { name: "Tasks" });
    expect(await within(tasks).findByText("Send your bank statements")).toBeInTheDocument();
    const body = api.calls.find((call) => call.route === `POST admin/cases/${caseId}/tasks`)?.body;
    expect(body).toMatchObject({ title: "Send your bank statements", assignee: { kind: "client" } });
  });

  it("records an outcome only after the confirmation, then offers only reopening", async () => {
    const user = userEvent.setup();
    renderCase();
    const form = await screen.findByRole("form", { name: "Outcome" });
    await user.selectOptions(within(form).getByLabelText("Decision"), "granted");
    await user.click(within(form).getByRole("button", { name: "Record the outcome" }));
    const dialog = await screen.findByRole("dialog", { name: "Record “Visa granted” and close the case?" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(api.calls.some((call) => call.route.endsWith("/outcome"))).toBe(false);

    await user.click(within(form).getByRole("button", { name: "Record the outcome" }));
    await user.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Record and close" }),
    );
    expect(await screen.findByText(/This case is decided and closed/)).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Stage" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Reopen the case" }));
    const reopen = await screen.findByRole("dialog", { name: "Reopen this case?" });
    await user.type(within(reopen).getByLabelText(/^Reason/), "Decision letter was for another case");
    await user.click(within(reopen).getByRole("button", { name: "Reopen" }));
    expect(await screen.findByRole("form", { name: "Stage" })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.calls.find((call) => call.route.endsWith("/reopen"))?.body).toEqual({
        reason: "Decision letter was for another case",
      }),
    );
  });

  it("says so for a case that does not exist", async () => {
    renderCase(fixtureUuid(999));
    expect(await screen.findByText("This case does not exist.")).toBeInTheDocument();
  });
});
