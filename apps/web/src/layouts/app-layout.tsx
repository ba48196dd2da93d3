import { useSession } from "@referral-app/api-client/react";
import { signInPath } from "@referral-app/app-kit/sign-in-redirect";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { SkipLink } from "../components/skip-link.tsx";
import { apiErrorMessage } from "../forms/api-error-message.ts";
import { useNavigationPending } from "../routing/transition-router.tsx";
import { AppHeader } from "./app-header.tsx";
import { useLiveNotifications } from "./use-live-notifications.ts";
import { usePreferenceSync } from "./use-preference-sync.ts";

function SignedInShell() {
  const { t } = useTranslation();
  // The next page's module is loading: the page on screen stays, with this bar above it.
  const pending = useNavigationPending();
  useLiveNotifications(true);
  usePreferenceSync();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("app.skipToContent")} />
      {pending ? (
        <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-brand" />
      ) : null}
      <AppHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
        <Outlet />
      </main>
    </div>
  );
}

/** The signed-in area: waits for the cookie session, else sends the visitor to sign in and back. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isError && !session.data) {
    // Offline or server down: say so and offer a retry instead of pretending the user signed out.
    return (
      <main id="main" className="mx-auto max-w-md space-y-3 p-10">
        <FormMessage>{apiErrorMessage(session.error, t)}</FormMessage>
        <Button variant="secondary" onClick={() => session.refetch()}>
          {t("common.retry")}
        </Button>
      </main>
    );
  }
  if (session.isPending) {
    return (
      <div className="mx-auto max-w-md p-10">
        <SkeletonList label={t("app.loading")} />
      </div>
    );
  }
  if (!session.data) return <Navigate to={signInPath(location)} replace />;
  return <SignedInShell />;
}

export { AppLayout as Component };
