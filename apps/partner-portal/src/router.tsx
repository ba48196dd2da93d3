import { SIGNED_IN_ROUTE_ID } from "@referral-app/app-kit/signed-out-start";
import { SidebarBootScreen } from "@referral-app/ui/boot-screen";
import type { RouteObject } from "react-router";

// Every page is a lazy route module exporting `Component`; papaparse loads with the import page only.
export const pageRoutes: RouteObject[] = [
  { index: true, lazy: () => import("./features/referrals/referrals-page.tsx") },
  { path: "submit", lazy: () => import("./features/referrals/submit-referral-page.tsx") },
  { path: "import", lazy: () => import("./features/import/import-page.tsx") },
  { path: "commissions", lazy: () => import("./features/commissions/commissions-page.tsx") },
  { path: "members", lazy: () => import("./features/members/members-page.tsx") },
  { path: "messages", lazy: () => import("./features/messages/messages-page.tsx") },
  { path: "messages/:id", lazy: () => import("./features/messages/conversation-page.tsx") },
];

export const partnerRoutes: RouteObject[] = [
  {
    lazy: () => import("./app-root.tsx"),
    HydrateFallback: SidebarBootScreen,
    children: [
      {
        lazy: () => import("./layouts/route-error.tsx"),
        children: [
          { path: "sign-in", lazy: () => import("@referral-app/app-kit/console-sign-in-page") },
          {
            id: SIGNED_IN_ROUTE_ID,
            lazy: () => import("./layouts/partner-layout.tsx"),
            children: pageRoutes,
          },
          { path: "*", lazy: () => import("./pages/not-found-page.tsx") },
        ],
      },
    ],
  },
];
