import { useSession } from "@referral-app/api-client/react";
import { useMessagesUnreadTotal } from "@referral-app/api-client/react/message-hooks";
import { ConsoleLayout } from "@referral-app/app-kit/console-layout";
import { STAFF_ROLES, type UserRole } from "@referral-app/shared/constants";
import { messageStrings } from "../features/messages/message-strings.ts";
import { reviewStrings } from "../features/referral-reviews/review-strings.ts";
import { strings } from "../strings.ts";
import { UnreadBadge } from "./unread-badge.tsx";

const NAV_ITEMS = [
  { to: "/", label: strings.nav.pipeline, end: true },
  { to: "/referral-reviews", label: reviewStrings.nav },
  { to: "/my-cases", label: strings.nav.myCases },
  { to: "/cases", label: strings.nav.cases },
  { to: "/documents/expiring", label: strings.nav.expiring },
  { to: "/messages", label: messageStrings.nav },
  { to: "/clients", label: strings.nav.clients },
  { to: "/invoices", label: strings.nav.invoices },
  { to: "/rewards", label: strings.nav.rewards },
  { to: "/analytics", label: strings.nav.analytics },
  { to: "/features", label: strings.nav.features },
  { to: "/notifications", label: strings.nav.notifications },
  { to: "/mailbox", label: strings.nav.mailbox },
  { to: "/audit", label: strings.nav.audit },
];

// Only admins manage staff and the catalogue (the API refuses others anyway).
const ADMIN_NAV_ITEMS = [
  ...NAV_ITEMS,
  { to: "/staff", label: strings.nav.staff },
  { to: "/visa-types", label: strings.nav.visaTypes },
  { to: "/payouts", label: strings.nav.payouts },
];

export function isStaff(role: string | undefined): boolean {
  return STAFF_ROLES.includes(role as UserRole);
}

/** Signed-in staff only: others see a clear refusal (the API refuses them anyway). */
export function Component() {
  const session = useSession();
  const staff = isStaff(session.data?.user.role);
  const unread = useMessagesUnreadTotal({ enabled: staff }).data ?? 0;
  const items = session.data?.user.role === "admin" ? ADMIN_NAV_ITEMS : NAV_ITEMS;
  const navItems =
    unread > 0
      ? items.map((item) =>
          item.to === "/messages" ? { ...item, badge: <UnreadBadge count={unread} /> } : item,
        )
      : items;
  return <ConsoleLayout navItems={navItems} allows={isStaff} />;
}
