import { useSession, useSignOut } from "@referral-app/api-client/react";
import { AccessDenied } from "@referral-app/ui/access-denied";
import { AppShell } from "@referral-app/ui/app-shell";
import { Button } from "@referral-app/ui/button";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from "react-router";
import { strings } from "../strings.ts";

const NAV_ITEMS = [
  { to: "/", label: strings.nav.referrals, end: true },
  { to: "/submit", label: strings.nav.submit },
  { to: "/import", label: strings.nav.import },
  { to: "/commissions", label: strings.nav.commissions },
  { to: "/members", label: strings.nav.members },
];

export function isPartner(role: string | undefined): boolean {
  return role === "partner";
}

function SignOutButton({ size }: { size?: "sm" }) {
  const signOut = useSignOut();
  return (
    <Button variant="secondary" size={size} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      {strings.common.signOut}
    </Button>
  );
}

/** Signed-in partners only: others see a clear refusal (the API refuses them anyway). */
export function Component() {
  const session = useSession();
  const location = useLocation();
  const navigation = useNavigation();
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
  if (!isPartner(user.role)) {
    return (
      <AccessDenied
        title={strings.auth.partnersOnlyTitle}
        message={strings.auth.partnersOnly}
        account={user.email}
        action={<SignOutButton />}
      />
    );
  }
  return (
    <AppShell
      title={strings.app.name}
      strings={strings.app}
      navItems={NAV_ITEMS}
      linkComponent={NavLink}
      busy={navigation.state === "loading"}
      user={
        <>
          <p className="truncate text-sm text-muted">{user.name}</p>
          <ThemeSelect strings={strings.common} />
          <SignOutButton size="sm" />
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
