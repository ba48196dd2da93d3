import { useSignOut, useUnreadCount } from "@referral-app/api-client/react";
import { useMessagesUnreadTotal } from "@referral-app/api-client/react/message-hooks";
import { Button } from "@referral-app/ui/button";
import { cn } from "@referral-app/ui/cn";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router";
import { LanguageSelect } from "../components/language-select.tsx";
import { ThemeSelect } from "../components/theme-select.tsx";

function navClass({ isActive }: { isActive: boolean }) {
  return cn(
    "relative inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium",
    isActive ? "bg-brand-soft text-fg" : "text-muted hover:bg-subtle hover:text-fg",
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const unreadMessages = useMessagesUnreadTotal().data ?? 0;
  const signOut = useSignOut();
  const navigate = useNavigate();
  const count = unread.data ?? 0;
  return (
    <header className="border-b border-border bg-card">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <NavLink to="/" className="text-base font-semibold text-fg">
          {t("app.name")}
        </NavLink>
        <nav aria-label={t("nav.main")} className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-1">
            <li>
              <NavLink to="/" end className={navClass}>
                {t("nav.dashboard")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/cases" className={navClass}>
                {t("nav.cases")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/referrals" className={navClass}>
                {t("nav.referrals")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/messages" className={navClass}>
                {t("nav.messages")}
                {unreadMessages > 0 ? (
                  <span
                    data-testid="messages-badge"
                    className="inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-fg"
                  >
                    <span aria-hidden="true">{unreadMessages > 99 ? "99+" : unreadMessages}</span>
                    <span className="sr-only">{t("nav.unreadMessages", { count: unreadMessages })}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
            <li>
              <NavLink to="/notifications" className={navClass}>
                {t("nav.notifications")}
                {count > 0 ? (
                  <span
                    data-testid="unread-badge"
                    className="inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-fg"
                  >
                    <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
                    <span className="sr-only">{t("nav.unread", { count })}</span>
                  </span>
                ) : null}
              </NavLink>
            </li>
            <li>
              <NavLink to="/profile" className={navClass}>
                {t("nav.profile")}
              </NavLink>
            </li>
          </ul>
        </nav>
        <div className="flex items-center gap-2">
          <LanguageSelect />
          <ThemeSelect />
          <Button
            variant="ghost"
            size="sm"
            loading={signOut.isPending}
            onClick={() => signOut.mutate(undefined, { onSettled: () => navigate("/sign-in") })}
          >
            {t("nav.signOut")}
          </Button>
        </div>
      </div>
    </header>
  );
}
