import { useSession, useSignOut } from "@referral-app/api-client/react";
import { STAFF_ROLES, type UserRole } from "@referral-app/shared/constants";
import { AccessDenied } from "@referral-app/ui/access-denied";
import { AppShell } from "@referral-app/ui/app-shell";
import { Button } from "@referral-app/ui/button";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from "react-router";
import { strings } from "../strings.ts";

const NAV_ITEMS = [
  { to: "/", label: strings.nav.pipeline, end: true },
  { to: "/my-cases", label: strings.nav.myCases },
  { to: "/cases", label: strings.nav.cases },
  { to: "/clients", label: strings.nav.clients },
  { to: "/rewards", label: strings.nav.rewards },
  { to: "/analytics", label: strings.nav.analytics },
  { to: "/features", label: strings.nav.features },
  { to: "/notifications", label: strings.nav.notifications },
  { to: "/mailbox", label: strings.nav.mailbox },
  { to: "/audit", label: strings.nav.audit },
];

// Only admins manage staff and the catalogue (the API refuses others anyway).
const ADMIN_NAV_ITEMS = [
  { to: "/staff", label: strings.nav.staff },
  { to: "/visa-types", label: strings.nav.visaTypes },
];

export function isStaff(role: string | undefined): boolean {
  return STAFF_ROLES.includes(role as UserRole);
}

function SignOutButton({ size }: { size?: "sm" }) {
  const signOut = useSignOut();
  return (
    <Button variant="secondary" size={size} loading={signOut.isPending} onClick={() => signOut.mutate()}>
      {strings.common.signOut}
    </Button>
  );
}

/** Signed-in staff only: others see a clear refusal (the API refuses them anyway). */
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
  if (!isStaff(user.role)) {
    return (
      <AccessDenied
        title={strings.auth.staffOnlyTitle}
        message={strings.auth.staffOnly}
        account={user.email}
        action={<SignOutButton />}
      />
    );
  }
  return (
    <AppShell
      title={strings.app.name}
      strings={strings.app}
      navItems={user.role === "admin" ? [...NAV_ITEMS, ...ADMIN_NAV_ITEMS] : NAV_ITEMS}
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
