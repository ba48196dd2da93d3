import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProgressBar, type ProgressStep } from "./progress-bar.tsx";

const steps: ProgressStep[] = [
  { id: "enquiry", label: "Enquiry", status: "completed", detail: "1 March 2026" },
  { id: "assessment", label: "Assessment", status: "current" },
  { id: "payment", label: "Payment", status: "upcoming" },
];

describe("ProgressBar", () => {
  it("is a labelled ordered list with the current step marked", () => {
    render(<ProgressBar steps={steps} label="Visa progress" />);
    const list = screen.getByRole("list", { name: "Visa progress" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[1]).toHaveAttribute("aria-current", "step");
    expect(items[0]).not.toHaveAttribute("aria-current");
  });

  it("says each state in words, not only colour", () => {
    render(
      <ProgressBar
        steps={steps}
        label="Progreso"
        statusLabels={{ completed: "Completada", current: "Actual", upcoming: "Pendiente" }}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("EnquiryCompletada1 March 2026");
    expect(items[1]).toHaveTextContent("Actual");
    expect(items[2]).toHaveTextContent("Pendiente");
  });

  it("supports a vertical orientation", () => {
    render(<ProgressBar steps={steps} label="Visa progress" orientation="vertical" />);
    expect(screen.getByRole("list")).toHaveAttribute("data-orientation", "vertical");
  });
});
