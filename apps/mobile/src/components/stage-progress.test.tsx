import { VISA_STAGES } from "@referral-app/shared/constants";
import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { fireEvent, render, screen } from "@testing-library/react-native";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "../i18n/i18n";
import { DashboardScreen } from "../screens/dashboard-screen";
import { createTestApp, createTestNetwork, memoryOutboxStorage } from "../test/test-app";
import { StageProgress } from "./stage-progress";

function stagesAt(current: string): Pick<VisaStage, "id" | "name" | "status">[] {
  const currentOrder = VISA_STAGES.find((stage) => stage.id === current)!.order;
  return VISA_STAGES.map((stage) => ({
    id: stage.id,
    name: stage.name,
    status: stage.order < currentOrder ? "completed" : stage.order === currentOrder ? "current" : "upcoming",
  }));
}

describe("StageProgress", () => {
  it("labels each of the five stages completed, current or upcoming", async () => {
    await render(
      <I18nextProvider i18n={createI18n("en")}>
        <StageProgress stages={stagesAt("assessment")} />
      </I18nextProvider>,
    );

    expect(screen.getByLabelText("Enquiry: completed")).toBeOnTheScreen();
    expect(screen.getByLabelText("Detailed enquiry: completed")).toBeOnTheScreen();
    expect(screen.getByLabelText("Assessment: current stage")).toBeOnTheScreen();
    expect(screen.getByLabelText("Application: upcoming")).toBeOnTheScreen();
    expect(screen.getByLabelText("Payment: upcoming")).toBeOnTheScreen();
    expect(screen.getByRole("progressbar")).toHaveAccessibilityValue({
      min: 0,
      max: 5,
      now: 2,
      text: "2 of 5 stages completed",
    });
    expect(screen.getByLabelText("Assessment: current stage")).toBeSelected();
  });

  it("speaks the user's language", async () => {
    await render(
      <I18nextProvider i18n={createI18n("es")}>
        <StageProgress stages={stagesAt("payment")} />
      </I18nextProvider>,
    );

    expect(screen.getByLabelText("Consulta: completada")).toBeOnTheScreen();
    expect(screen.getByLabelText("Pago: etapa actual")).toBeOnTheScreen();
  });

  it("dates the completed stages and the current one, in the user's language", async () => {
    const stages = stagesAt("assessment").map((stage) => ({
      ...stage,
      startedAt: stage.status === "upcoming" ? null : "2026-11-05T10:00:00.000Z",
      completedAt: stage.status === "completed" ? "2026-11-21T10:00:00.000Z" : null,
    }));
    const { rerender } = await render(
      <I18nextProvider i18n={createI18n("en")}>
        <StageProgress stages={stages} />
      </I18nextProvider>,
    );

    expect(screen.getAllByText("Completed November 21, 2026")).toHaveLength(2);
    expect(screen.getByLabelText("Assessment: current stage. Since November 5, 2026")).toBeOnTheScreen();
    expect(screen.getByLabelText("Payment: upcoming")).toBeOnTheScreen();

    await rerender(
      <I18nextProvider i18n={createI18n("es")}>
        <StageProgress stages={stages} />
      </I18nextProvider>,
    );
    expect(screen.getByText("Desde el 5 de noviembre de 2026")).toBeOnTheScreen();
  });

  it("shows the signed-in client's case, what happens next and their rewards on the dashboard", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    const onRefer = jest.fn();
    await render(app.wrap(<DashboardScreen onRefer={onRefer} />));

    expect(await screen.findByLabelText(/^Assessment: current stage\. Since /)).toBeOnTheScreen();
    expect(screen.getByText("40% complete")).toBeOnTheScreen();
    expect(screen.getAllByLabelText(/: completed\. Completed /)).toHaveLength(2);
    expect(screen.getByText("What happens next")).toBeOnTheScreen();
    expect(screen.getByText(/assessing your eligibility/)).toBeOnTheScreen();
    expect(await screen.findByText("Your rewards")).toBeOnTheScreen();

    fireEvent.press(screen.getByRole("button", { name: "Refer someone" }));
    expect(onRefer).toHaveBeenCalledTimes(1);
  });
});
