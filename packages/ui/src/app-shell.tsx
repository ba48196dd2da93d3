import { type ReactNode, useState } from "react";
import { Button } from "./button.tsx";
import { cn } from "./cn.ts";
import type { NavLinkComponent } from "./link-component.ts";
import { type NavItem, SidebarNav } from "./sidebar-nav.tsx";

export interface AppShellStrings {
  skipToContent: string;
  /** The navigation landmark's name. */
  nav: string;
  openMenu: string;
  closeMenu: string;
}

export interface AppShellProps {
  title: ReactNode;
  strings: AppShellStrings;
  navItems: readonly NavItem[];
  linkComponent: NavLinkComponent;
  /** Who is signed in and what they can do (theme, sign out), below the navigation. */
  user: ReactNode;
  /** Shows a thin progress bar at the top while the next page loads. */
  busy?: boolean;
  children: ReactNode;
}

/** Skip link, a sidebar (a toggled menu on small screens) and the page as `<main id="main">`. */
export function AppShell({
  title,
  strings,
  navItems,
  linkComponent,
  user,
  busy = false,
  children,
}: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-brand px-4 py-2 text-brand-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {strings.skipToContent}
      </a>
      {busy ? (
        <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand" />
      ) : null}
      {/* The column paints the sidebar's background down the whole page; the sticky panel inside scrolls on its own. */}
      <div className="md:w-60 md:shrink-0 md:border-r md:border-border md:bg-card">
        <aside className="border-b border-border bg-card md:sticky md:top-0 md:max-h-dvh md:overflow-y-auto md:border-b-0">
          <div className="flex items-center justify-between gap-2 p-4">
            <p className="font-semibold">{title}</p>
            <Button
              variant="ghost"
              size="sm"
              className="md:hidden"
              aria-expanded={menuOpen}
              aria-controls="sidebar-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? strings.closeMenu : strings.openMenu}
            </Button>
          </div>
          <div
            id="sidebar-menu"
            className={cn("space-y-4 px-3 pb-4", menuOpen ? "block" : "hidden md:block")}
          >
            <SidebarNav
              label={strings.nav}
              items={navItems}
              linkComponent={linkComponent}
              onNavigate={() => setMenuOpen(false)}
            />
            <div className="space-y-2 border-t border-border px-1 pt-4">{user}</div>
          </div>
        </aside>
      </div>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8">
        {children}
      </main>
    </div>
  );
}
