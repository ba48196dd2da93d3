import { cn } from "@referral-app/ui/cn";
import { NavLink } from "react-router";
import { strings } from "../strings.ts";

const LINKS = [
  { to: "/", label: strings.nav.referrals, end: true },
  { to: "/submit", label: strings.nav.submit },
  { to: "/import", label: strings.nav.import },
  { to: "/commissions", label: strings.nav.commissions },
  { to: "/members", label: strings.nav.members },
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
