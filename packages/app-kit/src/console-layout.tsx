import { useNotificationStream, useSession, useSignOut } from "@referral-app/api-client/react";
import { AccessDenied } from "@referral-app/ui/access-denied";
import { AppShell, type AppShellProps } from "@referral-app/ui/app-shell";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from "react-router";
import { ConsoleLanguageSelect, useConsoleLanguageSync } from "./console-language-select.tsx";
import { useConsole } from "./console-providers.tsx";
import { signInPath } from "./sign-in-redirect.ts";

function SignOutButton({ size }: { size?: "sm" }) {
  const { strings } = useConsole();
  const signOut = useSignOut({ forgetOnFailure: false });
  return (
    <>
      <Button variant="secondary" size={size} loading={signOut.isPending} onClick={() => signOut.mutate()}>
        {strings.common.signOut}
      </Button>
      {signOut.isError ? <FormMessage>{strings.common.signOutFailed}</FormMessage> : null}
    </>
  );
}

export interface ConsoleLayoutProps {
  navItems: AppShellProps["navItems"];
  /** The app's own gate: who this console is for. */
  allows: (role: string | undefined) => boolean;
}

/** Signed-in accounts the app allows only: others see a clear refusal (the API refuses them anyway). */
export function ConsoleLayout({ navItems, allows }: ConsoleLayoutProps) {
  const { strings } = useConsole();
  const session = useSession();
  const location = useLocation();
  // One live stream per signed-in console: new messages, edits and read receipts land in the cache.
  useNotificationStream({ enabled: Boolean(session.data && allows(session.data.user.role)) });
  if (session.isPending) {
    return (
      <div className="mx-auto max-w-md p-10">
        <SkeletonList label={strings.app.loading} />
      </div>
    );
  }
  if (!session.data) return <Navigate to={signInPath(location)} replace />;
  const { user } = session.data;
  if (!allows(user.role)) {
    return (
      <AccessDenied
        title={strings.auth.deniedTitle}
        message={strings.auth.denied}
        account={user.email}
        action={<SignOutButton />}
      />
    );
  }
  return <SignedInShell navItems={navItems} name={user.name} />;
}

function SignedInShell({ navItems, name }: { navItems: AppShellProps["navItems"]; name: string }) {
  const { strings } = useConsole();
  const navigation = useNavigation();
  useConsoleLanguageSync();
  return (
    <AppShell
      title={strings.app.name}
      strings={strings.app}
      navItems={navItems}
      linkComponent={NavLink}
      busy={navigation.state === "loading"}
      user={
        <>
          <p className="truncate text-sm text-muted">{name}</p>
          <ThemeSelect strings={strings.common} />
          <ConsoleLanguageSelect />
          <SignOutButton size="sm" />
        </>
      }
    >
      <Outlet />
    </AppShell>
  );
}
