import { Suspense, useCallback } from "react";
import type { Location, RouteObject } from "react-router";
import { BootError, BootScreen } from "./boot-screen.tsx";
import { LazyRoutes, lazyModule, lazyRoute, loadRouteModules } from "./routing/lazy-route.tsx";
import { RouteErrorBoundary } from "./routing/route-error-boundary.tsx";
import { type RouterHistory, TransitionRouter } from "./routing/transition-router.tsx";
import { SignedOutRoute } from "./signed-out/signed-out-route.tsx";

// Everything below the root is a lazy route module exporting `Component`: the entry chunk holds React,
// the router and this table only. Declarative routes, not the data router (createBrowserRouter), which
// alone would add ~16 KB gzipped to the first page.

const signedOutLayout = lazyModule(() => import("./signed-out/signed-out-layout.tsx"));

/** The signed-out pages that load neither the app root's providers nor i18next: the first page. */
export const signedOutRoutes: RouteObject[] = [
  {
    // Its words start loading with the layout, in the visitor's language only.
    element: <SignedOutRoute layout={signedOutLayout.Component} />,
    handle: signedOutLayout,
    children: [{ path: "sign-in", ...lazyRoute(() => import("./pages/sign-in-page.tsx")) }],
  },
];

/** Everything under the app root (providers, i18next, the API client and TanStack Query). */
export const appRootRoutes: RouteObject[] = [
  {
    ...lazyRoute(() => import("./layouts/route-error.tsx")),
    children: [
      {
        ...lazyRoute(() => import("./layouts/auth-layout.tsx")),
        children: [
          { path: "signup", ...lazyRoute(() => import("./pages/sign-up-page.tsx")) },
          { path: "sign-up", ...lazyRoute(() => import("./pages/sign-up-page.tsx")) },
          { path: "forgot-password", ...lazyRoute(() => import("./pages/forgot-password-page.tsx")) },
          { path: "reset-password", ...lazyRoute(() => import("./pages/reset-password-page.tsx")) },
          { path: "verify-email", ...lazyRoute(() => import("./pages/verify-email-page.tsx")) },
        ],
      },
      {
        id: "signed-in",
        ...lazyRoute(() => import("./layouts/app-layout.tsx")),
        children: [
          { index: true, ...lazyRoute(() => import("./pages/dashboard-page.tsx")) },
          { path: "cases", ...lazyRoute(() => import("./features/cases/cases-page.tsx")) },
          { path: "cases/:id", ...lazyRoute(() => import("./features/cases/case-page.tsx")) },
          { path: "referrals", ...lazyRoute(() => import("./features/referrals/referrals-page.tsx")) },
          { path: "messages", ...lazyRoute(() => import("./features/messages/messages-page.tsx")) },
          {
            path: "messages/:id",
            ...lazyRoute(() => import("./features/messages/conversation-page.tsx")),
          },
          {
            path: "notifications",
            ...lazyRoute(() => import("./features/notifications/notifications-page.tsx")),
          },
          { path: "profile", ...lazyRoute(() => import("./features/profile/profile-page.tsx")) },
        ],
      },
      { path: "*", ...lazyRoute(() => import("./pages/not-found-page.tsx")) },
    ],
  },
];

export const appRoutes: RouteObject[] = [
  ...signedOutRoutes,
  {
    ...lazyRoute(() => import("./app-root.tsx").then((module) => module.loadAppRoot())),
    children: appRootRoutes,
  },
];

/**
 * The app on a history: BootScreen until the first page's modules are in, BootError when even they
 * cannot load; later navigations keep the page on screen until the next one is ready.
 */
export function App({ history, routes = appRoutes }: { history: RouterHistory; routes?: RouteObject[] }) {
  const waitsFor = useCallback((location: Location) => loadRouteModules(routes, location), [routes]);
  return (
    <TransitionRouter history={history} waitsFor={waitsFor}>
      <RouteErrorBoundary fallback={() => <BootError />}>
        <Suspense fallback={<BootScreen />}>
          <LazyRoutes routes={routes} />
        </Suspense>
      </RouteErrorBoundary>
    </TransitionRouter>
  );
}
