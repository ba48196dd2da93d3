import { buttonClasses } from "@referral-app/ui/button";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { useMonitor } from "../monitoring/monitor-context.tsx";
import { RouteErrorBoundary } from "../routing/route-error-boundary.tsx";

/** Shown when a route fails to load or render (e.g. a chunk missing after a deploy). */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const monitor = useMonitor();
  useEffect(() => monitor?.trackError(error, { source: "route" }), [error, monitor]);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-4 p-6 text-center"
    >
      <h1 className="text-xl font-semibold">{t("common.genericError")}</h1>
      <a href="/" className={buttonClasses()}>
        {t("common.goHome")}
      </a>
    </main>
  );
}

/** The app root's pages, in the app's language, each failure shown as RouteError. */
export function Component() {
  return (
    <RouteErrorBoundary fallback={(error) => <RouteError error={error} />}>
      <Outlet />
    </RouteErrorBoundary>
  );
}
