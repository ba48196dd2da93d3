import { useSignOut, useUnreadCount } from "@referral-app/api-client/react";
import { useMessagesUnreadTotal } from "@referral-app/api-client/react/message-hooks";
import { Button } from "@referral-app/ui/button";
import { cn } from "@referral-app/ui/cn";
import { useToast } from "@referral-app/ui/toast";
import { useIsNarrow } from "@referral-app/ui/use-media-query";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation, useNavigate } from "react-router";
import { LanguageSelect } from "../components/language-select.tsx";
import { ThemeSelect } from "../components/theme-select.tsx";
import { UnreadBadge } from "./unread-badge.tsx";

function navClass({ isActive }: { isActive: boolean }) {
  return cn(
    "relative inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium",
    isActive ? "bg-brand-soft text-fg" : "text-muted hover:bg-subtle hover:text-fg",
  );
}

function NavLinks({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const count = useUnreadCount().data ?? 0;
  const unreadMessages = useMessagesUnreadTotal().data ?? 0;
  const links = [
    { to: "/", label: t("nav.dashboard"), end: true },
    { to: "/cases", label: t("nav.cases") },
    { to: "/referrals", label: t("nav.referrals") },
    {
      to: "/messages",
      label: t("nav.messages"),
      badge: unreadMessages,
      badgeId: "messages-badge",
      badgeLabel: t("nav.unreadMessages", { count: unreadMessages }),
    },
    { to: "/notifications", label: t("nav.notifications"), badge: count },
    { to: "/profile", label: t("nav.profile") },
  ];
  return (
    <ul className={cn("flex gap-1", vertical ? "flex-col" : "flex-wrap")}>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink to={link.to} end={link.end} className={navClass}>
            {link.label}
            {link.badge ? (
              <UnreadBadge count={link.badge} testId={link.badgeId} label={link.badgeLabel} />
            ) : null}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** Signs out only when the server ends the session; a failure says so (the cookie is still valid). */
function SignOutButton() {
  const { t } = useTranslation();
  const { toast } = useToast();
  const signOut = useSignOut({ forgetOnFailure: false });
  const navigate = useNavigate();
  return (
    <Button
      variant="ghost"
      size="sm"
      loading={signOut.isPending}
      onClick={() =>
        signOut.mutate(undefined, {
          onSuccess: () => navigate("/sign-in"),
          onError: () => toast({ title: t("header.signOutFailed"), tone: "error" }),
        })
      }
    >
      {t("nav.signOut")}
    </Button>
  );
}

/** Below 640 px: the name, the unread count and one menu holding the pages and the settings. */
function CompactHeader() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const location = useLocation();
  const count = useUnreadCount().data ?? 0;
  // A chosen page closes the menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <div className="px-4 py-2">
      <div className="flex h-10 items-center justify-between gap-2">
        <NavLink to="/" className="min-w-0 truncate text-base font-semibold text-fg">
          {t("app.name")}
        </NavLink>
        <div className="flex shrink-0 items-center gap-1">
          <NavLink to="/notifications" className={navClass}>
            <span className="sr-only">{t("nav.notifications")}</span>
            <BellIcon />
            {count > 0 ? <UnreadBadge count={count} /> : null}
          </NavLink>
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((value) => !value)}
            onKeyDown={(event) => {
              if (event.key === "Escape") setOpen(false);
            }}
          >
            {open ? t("header.closeMenu") : t("header.menu")}
          </Button>
        </div>
      </div>
      <div id={menuId} hidden={!open} className="space-y-3 pt-2 pb-2">
        <nav aria-label={t("nav.main")}>
          <NavLinks vertical />
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-border pt-3">
          <LanguageSelect showLabel />
          <ThemeSelect showLabel />
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function AppHeader() {
  const { t } = useTranslation();
  const narrow = useIsNarrow();
  return (
    <header className="border-b border-border bg-card">
      {narrow ? (
        <CompactHeader />
      ) : (
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <NavLink to="/" className="text-base font-semibold text-fg">
            {t("app.name")}
          </NavLink>
          <nav aria-label={t("nav.main")}>
            <NavLinks />
          </nav>
          <div className="flex items-center gap-2">
            <LanguageSelect />
            <ThemeSelect />
            <SignOutButton />
          </div>
        </div>
      )}
    </header>
  );
}
