import type { RouteObject } from "react-router";
import { BootError, BootScreen } from "./boot-screen.tsx";
import { detectLanguage } from "./i18n/language.ts";
import { loadSignedOutStrings } from "./signed-out/signed-out-strings.tsx";

// Everything below the root is a lazy route module exporting `Component` (or `ErrorBoundary`):
// the entry chunk holds React, the router and this table only.

/** The signed-out pages that load neither the app root's providers nor i18next: the first page. */
export const signedOutRoutes: RouteObject[] = [
  {
    // Its words start loading with the layout, in the visitor's language only.
    loader: () => loadSignedOutStrings(detectLanguage()),
    lazy: () => import("./signed-out/signed-out-layout.tsx"),
    children: [{ path: "sign-in", lazy: () => import("./pages/sign-in-page.tsx") }],
  },
];

/** Everything under the app root (providers, i18next, the API client and TanStack Query). */
export const appRootRoutes: RouteObject[] = [
  {
    lazy: () => import("./layouts/route-error.tsx"),
    children: [
      {
        lazy: () => import("./layouts/auth-layout.tsx"),
        children: [
          { path: "signup", lazy: () => import("./pages/sign-up-page.tsx") },
          { path: "sign-up", lazy: () => import("./pages/sign-up-page.tsx") },
          { path: "forgot-password", lazy: () => import("./pages/forgot-password-page.tsx") },
          { path: "reset-password", lazy: () => import("./pages/reset-password-page.tsx") },
          { path: "verify-email", lazy: () => import("./pages/verify-email-page.tsx") },
        ],
      },
      {
        id: "signed-in",
        lazy: () => import("./layouts/app-layout.tsx"),
        children: [
          { index: true, lazy: () => import("./pages/dashboard-page.tsx") },
          { path: "cases", lazy: () => import("./features/cases/cases-page.tsx") },
          { path: "cases/:id", lazy: () => import("./features/cases/case-page.tsx") },
          { path: "referrals", lazy: () => import("./features/referrals/referrals-page.tsx") },
          { path: "messages", lazy: () => import("./features/messages/messages-page.tsx") },
          { path: "messages/:id", lazy: () => import("./features/messages/conversation-page.tsx") },
          {
            path: "notifications",
            lazy: () => import("./features/notifications/notifications-page.tsx"),
          },
          { path: "profile", lazy: () => import("./features/profile/profile-page.tsx") },
        ],
      },
      { path: "*", lazy: () => import("./pages/not-found-page.tsx") },
    ],
  },
];

export const appRoutes: RouteObject[] = [
  {
    id: "root",
    HydrateFallback: BootScreen,
    ErrorBoundary: BootError,
    children: [
      ...signedOutRoutes,
      {
        lazy: () => import("./app-root.tsx").then((module) => module.loadAppRoot()),
        children: appRootRoutes,
      },
    ],
  },
];
