import { cn } from "@referral-app/ui/cn";
import { NavLink } from "react-router";
import { strings } from "../strings.ts";

const LINKS = [
  { to: "/", label: strings.nav.pipeline, end: true },
  { to: "/clients", label: strings.nav.clients },
  { to: "/rewards", label: strings.nav.rewards },
  { to: "/analytics", label: strings.nav.analytics },
  { to: "/features", label: strings.nav.features },
  { to: "/notifications", label: strings.nav.notifications },
  { to: "/mailbox", label: strings.nav.mailbox },
  { to: "/audit", label: strings.nav.audit },
] as const;

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label={strings.app.nav}>
      <ul className="space-y-1">
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink
              to={link.to}
              end={"end" in link}
              onClick={onNavigate}
              className={({ isActive }) =>
                cn(
                  "block rounded-lg px-3 py-2 text-sm font-medium",
                  isActive ? "bg-brand-soft text-fg" : "text-muted hover:bg-subtle hover:text-fg",
                )
              }
            >
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
