import { useSession, useSignOut } from "@referral-app/api-client/react";
import { Button } from "@referral-app/ui/button";
import { cn } from "@referral-app/ui/cn";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { Navigate, Outlet, useLocation, useNavigation } from "react-router";
import { ThemeSelect } from "../components/theme-select.tsx";
import { strings } from "../strings.ts";
import { SidebarNav } from "./sidebar-nav.tsx";

export function isPartner(role: string | undefined): boolean {
  return role === "partner";
}

function PartnersOnly({ email }: { email: string }) {
  const signOut = useSignOut();
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{strings.auth.partnersOnlyTitle}</h1>
      <p className="text-muted">{strings.auth.partnersOnly}</p>
      <p className="text-sm text-muted">{email}</p>
      <Button variant="secondary" loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {strings.common.signOut}
      </Button>
    </main>
  );
}

function Shell({ name }: { name: string }) {
  const navigation = useNavigation();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-brand px-4 py-2 text-brand-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {strings.app.skipToContent}
      </a>
      {navigation.state === "loading" ? (
        <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand" />
      ) : null}
      <aside className="border-b border-border bg-card md:sticky md:top-0 md:h-dvh md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 p-4">
          <p className="font-semibold">{strings.app.name}</p>
          <Button
            variant="ghost"
            size="sm"
            className="md:hidden"
            aria-expanded={menuOpen}
            aria-controls="sidebar-menu"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? strings.app.closeMenu : strings.app.openMenu}
          </Button>
        </div>
        <div id="sidebar-menu" className={cn("space-y-4 px-3 pb-4", menuOpen ? "block" : "hidden md:block")}>
          <SidebarNav onNavigate={() => setMenuOpen(false)} />
          <div className="space-y-2 border-t border-border px-1 pt-4">
            <p className="truncate text-sm text-muted">{name}</p>
            <ThemeSelect />
            <Button
              variant="secondary"
              size="sm"
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {strings.common.signOut}
            </Button>
          </div>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none md:px-8">
        <Outlet />
      </main>
    </div>
  );
}

/** Signed-in partners only: others see a clear refusal (the API refuses them anyway). */
export function Component() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <div className="mx-auto max-w-md p-10">
        <SkeletonList label={strings.app.loading} />
      </div>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  const { user } = session.data;
  if (!isPartner(user.role)) return <PartnersOnly email={user.email} />;
  return <Shell name={user.name} />;
}
