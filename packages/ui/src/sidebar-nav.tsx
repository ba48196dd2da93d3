import type { ReactNode } from "react";
import { cn } from "./cn.ts";
import type { NavLinkComponent } from "./link-component.ts";

export interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path (for the index route). */
  end?: boolean;
  /** Shown after the label, e.g. an unread count (it carries its own words for screen readers). */
  badge?: ReactNode;
}

export interface SidebarNavProps {
  label: string;
  items: readonly NavItem[];
  linkComponent: NavLinkComponent;
  onNavigate?: () => void;
}

export function SidebarNav({ label, items, linkComponent: NavLink, onNavigate }: SidebarNavProps) {
  return (
    <nav aria-label={label}>
      <ul className="space-y-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end ?? false}
              onClick={onNavigate}
              className={({ isActive }) =>
                cn(
                  "rounded-lg px-3 py-2 text-sm font-medium",
                  item.badge ? "flex items-center justify-between gap-2" : "block",
                  isActive ? "bg-brand-soft text-fg" : "text-muted hover:bg-subtle hover:text-fg",
                )
              }
            >
              {item.label}
              {item.badge}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
