import { VISA_STAGES } from "@referral-app/shared/constants";
import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { render, screen } from "@testing-library/react-native";
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
    expect(screen.getByLabelText("Detailed Enquiry: completed")).toBeOnTheScreen();
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

  it("shows the signed-in client's case from the API on the dashboard", async () => {
    const network = createTestNetwork();
    const app = createTestApp({ network, outboxStorage: memoryOutboxStorage() });
    await render(app.wrap(<DashboardScreen />));

    expect(await screen.findByLabelText("Assessment: current stage")).toBeOnTheScreen();
    expect(screen.getByText("40% complete")).toBeOnTheScreen();
    expect(screen.getAllByLabelText(/: completed$/)).toHaveLength(2);
  });
});
