import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Dialog } from "./dialog.tsx";
import { Tabs } from "./tabs.tsx";
import { ToastProvider, useToast } from "./toast.tsx";

describe("Dialog", () => {
  it("opens from its trigger, moves focus inside, and closes on Escape returning focus", async () => {
    render(
      <Dialog
        title="Referral details"
        description="Status history"
        trigger={<button type="button">Open</button>}
      >
        <button type="button">Inside</button>
      </Dialog>,
    );
    const trigger = screen.getByRole("button", { name: "Open" });
    await userEvent.click(trigger);
    const dialog = screen.getByRole("dialog", { name: "Referral details" });
    expect(dialog).toHaveAccessibleDescription("Status history");
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
  });

  it("closes with its labelled close button", async () => {
    render(
      <Dialog title="Details" closeLabel="Cerrar" open={true} onOpenChange={() => undefined}>
        body
      </Dialog>,
    );
    expect(screen.getByRole("button", { name: "Cerrar" })).toBeInTheDocument();
  });
});

describe("Tabs", () => {
  it("switches panels with the arrow keys", async () => {
    render(
      <Tabs
        label="Views"
        items={[
          { value: "list", label: "List", content: "List panel" },
          { value: "stats", label: "Stats", content: "Stats panel" },
        ]}
      />,
    );
    expect(screen.getByRole("tablist", { name: "Views" })).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveTextContent("List panel");
    screen.getByRole("tab", { name: "List" }).focus();
    await userEvent.keyboard("{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Stats" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveTextContent("Stats panel");
  });
});

function ToastButton() {
  const { toast } = useToast();
  return (
    <button type="button" onClick={() => toast({ title: "Link copied", tone: "success" })}>
      Copy
    </button>
  );
}

describe("Toast", () => {
  it("shows a toast that can be dismissed", async () => {
    render(
      <ToastProvider closeLabel="Dismiss">
        <ToastButton />
      </ToastProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByText("Link copied")).not.toBeInTheDocument());
  });

  it("refuses to work outside its provider", () => {
    expect(() => render(<ToastButton />)).toThrow(/ToastProvider/);
  });
});
