import { fixtureUuid } from "@referral-app/api-client/mocks";
import { render, screen, userEvent, waitFor } from "@testing-library/react-native";
import { createTestApp, createTestNetwork, memoryOutboxStorage, type TestNetwork } from "../test/test-app";
import { CaseScreen } from "./case-screen";
import { CasesScreen } from "./cases-screen";

const openCaseId = fixtureUuid(10);

async function renderWith(network: TestNetwork, ui: React.ReactElement) {
  const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
  await render(app.wrap(ui));
}

describe("CasesScreen", () => {
  it("lists each case with its stage or outcome in words and opens the one pressed", async () => {
    const network = createTestNetwork();
    const onOpenCase = jest.fn();
    await renderWith(network, <CasesScreen onOpenCase={onOpenCase} />);
    expect(await screen.findByText("Student visa (subclass 500)")).toBeOnTheScreen();
    expect(screen.getByText("Stage: Assessment")).toBeOnTheScreen();
    expect(screen.getByText(/^Visa granted on/)).toBeOnTheScreen();
    expect(screen.getByText("2 open tasks")).toBeOnTheScreen();
    await userEvent.setup().press(screen.getByRole("button", { name: "Open case RC-2026-00042" }));
    expect(onOpenCase).toHaveBeenCalledWith(openCaseId);
  });

  it("shows the case itself when there is only one", async () => {
    const network = createTestNetwork();
    network.store.cases = network.store.cases.filter((visaCase) => visaCase.id === openCaseId);
    await renderWith(network, <CasesScreen onOpenCase={jest.fn()} />);
    expect(await screen.findByRole("header", { name: "Student visa (subclass 500)" })).toBeOnTheScreen();
    expect(await screen.findByText("Book your medical exam")).toBeOnTheScreen();
    expect(screen.queryByRole("button", { name: /^Open case/ })).not.toBeOnTheScreen();
  });
});

describe("CaseScreen", () => {
  it("shows the dated stages, the consultant, only the client's notes, and the tasks", async () => {
    const network = createTestNetwork();
    await renderWith(network, <CaseScreen id={openCaseId} />);
    expect(await screen.findByLabelText(/^Assessment: current stage\. Since /)).toBeOnTheScreen();
    expect(screen.getByLabelText(/^Enquiry: completed\. Completed /)).toBeOnTheScreen();
    expect(screen.getByText("Priya Shah")).toBeOnTheScreen();
    expect(await screen.findByText(/Your offer letter looks good/)).toBeOnTheScreen();
    expect(screen.queryByText(/Client prefers calls/)).not.toBeOnTheScreen();
    expect(await screen.findByText(/^Overdue since/)).toBeOnTheScreen();
  });

  it("marks a task as done", async () => {
    const network = createTestNetwork();
    await renderWith(network, <CaseScreen id={openCaseId} />);
    const button = await screen.findByRole("button", { name: "Mark “Upload your passport scan” as done" });
    await userEvent.setup().press(button);
    await waitFor(() =>
      expect(
        screen.queryByRole("button", { name: "Mark “Upload your passport scan” as done" }),
      ).not.toBeOnTheScreen(),
    );
    expect(network.store.caseTasks.find((task) => task.title === "Upload your passport scan")?.state).toBe(
      "done",
    );
    expect(screen.getByRole("button", { name: "Mark “Book your medical exam” as done" })).toBeOnTheScreen();
  });

  it("says so for a case that is not the user's", async () => {
    const network = createTestNetwork();
    await renderWith(network, <CaseScreen id={fixtureUuid(999)} />);
    expect(await screen.findByText("This case does not exist or is not yours.")).toBeOnTheScreen();
  });
});
