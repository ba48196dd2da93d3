import { SIGNED_IN_ROUTE_ID } from "@referral-app/app-kit/signed-out-start";
import { SidebarBootScreen } from "@referral-app/ui/boot-screen";
import type { RouteObject } from "react-router";

// Every page is a lazy route module exporting `Component`; analytics (Recharts) loads only when opened.
export const pageRoutes: RouteObject[] = [
  { index: true, lazy: () => import("./features/referrals/pipeline-page.tsx") },
  { path: "clients", lazy: () => import("./features/clients/clients-page.tsx") },
  { path: "clients/:id", lazy: () => import("./features/clients/client-case-page.tsx") },
  { path: "cases", lazy: () => import("./features/cases/cases-page.tsx") },
  { path: "cases/:id", lazy: () => import("./features/cases/case-page.tsx") },
  { path: "my-cases", lazy: () => import("./features/cases/my-cases-page.tsx") },
  { path: "documents/expiring", lazy: () => import("./features/cases/expiring-documents-page.tsx") },
  { path: "messages", lazy: () => import("./features/messages/inbox-page.tsx") },
  { path: "messages/:id", lazy: () => import("./features/messages/conversation-page.tsx") },
  { path: "staff", lazy: () => import("./features/staff/staff-page.tsx") },
  { path: "visa-types", lazy: () => import("./features/visa-types/visa-types-page.tsx") },
  { path: "rewards", lazy: () => import("./features/rewards/rewards-page.tsx") },
  { path: "invoices", lazy: () => import("./features/invoices/invoices-page.tsx") },
  { path: "payouts", lazy: () => import("./features/payouts/payouts-page.tsx") },
  { path: "analytics", lazy: () => import("./features/analytics/analytics-page.tsx") },
  { path: "features", lazy: () => import("./features/features/feature-flags-page.tsx") },
  { path: "notifications", lazy: () => import("./features/notifications/broadcasts-page.tsx") },
  { path: "mailbox", lazy: () => import("./features/notifications/mailbox-page.tsx") },
  { path: "audit", lazy: () => import("./features/audit/audit-page.tsx") },
  { path: "referral-reviews", lazy: () => import("./features/referral-reviews/referral-reviews-page.tsx") },
];

export const adminRoutes: RouteObject[] = [
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
            lazy: () => import("./layouts/admin-layout.tsx"),
            children: pageRoutes,
          },
          { path: "*", lazy: () => import("./pages/not-found-page.tsx") },
        ],
      },
    ],
  },
];
