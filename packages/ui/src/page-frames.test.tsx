import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AccessDenied } from "./access-denied.tsx";
import { SidebarBootScreen } from "./boot-screen.tsx";
import { NotFound } from "./not-found.tsx";
import { PageHeader } from "./page-header.tsx";
import { RouteError } from "./route-error.tsx";
import { TestLink } from "./test-links.tsx";

afterEach(() => vi.unstubAllGlobals());

describe("PageHeader", () => {
  it("gives the page its heading, an optional description and actions", () => {
    const { rerender } = render(
      <PageHeader
        title="Clients"
        description="Everyone with a case."
        actions={<button type="button">Export</button>}
      />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Clients" })).toBeInTheDocument();
    expect(screen.getByText("Everyone with a case.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Export" })).toBeInTheDocument();
    rerender(<PageHeader title="Clients" />);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByText("Everyone with a case.")).not.toBeInTheDocument();
  });
});

describe("AccessDenied", () => {
  it("names the refusal, the account and offers the action", () => {
    render(
      <AccessDenied
        title="Staff only"
        message="This dashboard is for staff."
        account="client@example.com"
        action={<button type="button">Sign out</button>}
      />,
    );
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("heading", { name: "Staff only" })).toBeInTheDocument();
    expect(screen.getByText("client@example.com")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
  });
});

describe("NotFound", () => {
  it("says so and links home", () => {
    render(
      <NotFound
        strings={{ notFound: "This page does not exist.", goHome: "Back" }}
        linkComponent={TestLink}
      />,
    );
    expect(screen.getByRole("heading", { name: "This page does not exist." })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/");
  });
});

describe("RouteError", () => {
  it("reloads the page on retry and links home", async () => {
    const reload = vi.fn();
    vi.stubGlobal("location", { ...window.location, reload });
    render(
      <RouteError
        strings={{ genericError: "Something went wrong.", retry: "Try again", goHome: "Back" }}
        linkComponent={TestLink}
      />,
    );
    expect(screen.getByRole("heading", { name: "Something went wrong." })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back" })).toHaveAttribute("href", "/");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe("SidebarBootScreen", () => {
  it("is marked busy", () => {
    const { container } = render(<SidebarBootScreen />);
    expect(container.firstElementChild).toHaveAttribute("aria-busy", "true");
  });
});
