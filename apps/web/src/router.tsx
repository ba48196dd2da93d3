import type { RouteObject } from "react-router";
import { BootError, BootScreen } from "./boot-screen.tsx";

// Everything below the root is a lazy route module exporting `Component` (or `ErrorBoundary`):
// the entry chunk holds React, the router and this table only.
export const appRoutes: RouteObject[] = [
  {
    id: "root",
    lazy: () => import("./app-root.tsx").then((module) => module.loadAppRoot()),
    HydrateFallback: BootScreen,
    ErrorBoundary: BootError,
    children: [
      {
        lazy: () => import("./layouts/route-error.tsx"),
        children: [
          {
            lazy: () => import("./layouts/auth-layout.tsx"),
            children: [
              { path: "sign-in", lazy: () => import("./pages/sign-in-page.tsx") },
              { path: "signup", lazy: () => import("./pages/sign-up-page.tsx") },
              { path: "sign-up", lazy: () => import("./pages/sign-up-page.tsx") },
              { path: "forgot-password", lazy: () => import("./pages/forgot-password-page.tsx") },
              { path: "reset-password", lazy: () => import("./pages/reset-password-page.tsx") },
              { path: "verify-email", lazy: () => import("./pages/verify-email-page.tsx") },
            ],
          },
          {
            lazy: () => import("./layouts/app-layout.tsx"),
            children: [
              { index: true, lazy: () => import("./pages/dashboard-page.tsx") },
              { path: "cases", lazy: () => import("./features/cases/cases-page.tsx") },
              { path: "cases/:id", lazy: () => import("./features/cases/case-page.tsx") },
              { path: "referrals", lazy: () => import("./features/referrals/referrals-page.tsx") },
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
    ],
  },
];
