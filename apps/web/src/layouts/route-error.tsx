import { buttonClasses } from "@referral-app/ui/button";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";
import { useMonitor } from "../monitoring/monitor-context.tsx";

/** Shown when a route fails to load or render (e.g. a chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
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

export { RouteError as ErrorBoundary };
