import { createQueryClient, queryKeys } from "@referral-app/api-client/react";
import { AnalyticsService } from "@referral-app/api-client/services/analytics-service";
import { authSessionSchema } from "@referral-app/shared/schemas/session";
import { useEffect } from "react";
import { Outlet, useLocation } from "react-router";
import { createWebApiClient } from "./api.ts";
import { AppProviders, queryClientOptions } from "./app-providers.tsx";
import { initI18n } from "./i18n/i18n.ts";
import { installMonitor, observeWebVitals } from "./monitoring/install-monitor.ts";
import { onSignedIn, takeCheckedSession } from "./signed-out/auth-request.ts";

// The data layer (API client, zod contract, TanStack Query), i18n and monitoring: one chunk that the
// entry starts fetching immediately, so the framework chunk stays small and long-cached.
const client = createWebApiClient();
const queryClient = createQueryClient(queryClientOptions);
const monitor = installMonitor(new AnalyticsService(client), client.baseURL);
const { i18n, ready } = initI18n();
const checked = authSessionSchema.safeParse(takeCheckedSession());
if (checked.success && checked.data) queryClient.setQueryData(queryKeys.session.all, checked.data);
// What was cached before someone signed in on the sign-in page belonged to nobody.
onSignedIn(() => {
  queryClient.removeQueries();
  monitor.trackEvent("sign_in");
});

function PageViews() {
  const location = useLocation();
  useEffect(() => monitor.trackEvent("page_view", { path: location.pathname }), [location.pathname]);
  return null;
}

function AppRoot() {
  useEffect(() => observeWebVitals(monitor), []);
  return (
    <AppProviders client={client} queryClient={queryClient} i18n={i18n} monitor={monitor}>
      <PageViews />
      <Outlet />
    </AppProviders>
  );
}

/** The root route module: every provider around every page, once the chosen language is loaded. */
export async function loadAppRoot() {
  await ready;
  return { Component: AppRoot };
}
