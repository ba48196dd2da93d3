import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AppShell, type AppShellProps } from "./app-shell.tsx";
import { TestNavLink } from "./test-links.tsx";

const strings = {
  skipToContent: "Skip to content",
  nav: "Main navigation",
  openMenu: "Open menu",
  closeMenu: "Close menu",
};
const navItems = [
  { to: "/", label: "Referrals", end: true },
  { to: "/members", label: "Members" },
];

function renderShell(props: Partial<AppShellProps> = {}) {
  window.history.replaceState(null, "", "/members");
  return render(
    <AppShell
      title="Partner portal"
      strings={strings}
      navItems={navItems}
      linkComponent={TestNavLink}
      user={<p>Ana Silva</p>}
      {...props}
    >
      <h1>Members</h1>
    </AppShell>,
  );
}

describe("AppShell", () => {
  it("lays out a skip link, the title, named navigation, the user slot and the page in main", () => {
    renderShell();
    expect(screen.getByRole("link", { name: "Skip to content" })).toHaveAttribute("href", "#main");
    expect(screen.getByText("Partner portal")).toBeInTheDocument();
    const nav = screen.getByRole("navigation", { name: "Main navigation" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual(["Referrals", "Members"]);
    expect(screen.getByText("Ana Silva")).toBeInTheDocument();
    expect(within(screen.getByRole("main")).getByRole("heading", { name: "Members" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
  });

  it("marks only the current page's link as active (the index link matches exactly)", () => {
    renderShell();
    expect(screen.getByRole("link", { name: "Members" })).toHaveClass("bg-brand-soft");
    expect(screen.getByRole("link", { name: "Referrals" })).not.toHaveClass("bg-brand-soft");
  });

  it("opens the menu on small screens and closes it after navigating", async () => {
    const user = userEvent.setup();
    renderShell();
    const toggle = screen.getByRole("button", { name: "Open menu" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(document.getElementById("sidebar-menu")).toHaveClass("hidden");
    await user.click(toggle);
    expect(screen.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
    expect(document.getElementById("sidebar-menu")).not.toHaveClass("hidden");
    await user.click(screen.getByRole("link", { name: "Referrals" }));
    expect(screen.getByRole("button", { name: "Open menu" })).toHaveAttribute("aria-expanded", "false");
  });

  it("shows the progress bar only while busy", () => {
    const { container, rerender } = renderShell();
    expect(container.querySelector(".animate-pulse")).toBeNull();
    rerender(
      <AppShell
        title="Partner portal"
        strings={strings}
        navItems={navItems}
        linkComponent={TestNavLink}
        user={null}
        busy
      >
        <h1>Members</h1>
      </AppShell>,
    );
    expect(container.querySelector(".animate-pulse")).toHaveAttribute("aria-hidden", "true");
  });
});
