import { ConsoleLayout } from "@referral-app/app-kit/console-layout";
import { messageStrings } from "../features/messages/message-strings.ts";
import { strings } from "../strings.ts";

const NAV_ITEMS = [
  { to: "/", label: strings.nav.referrals, end: true },
  { to: "/submit", label: strings.nav.submit },
  { to: "/import", label: strings.nav.import },
  { to: "/commissions", label: strings.nav.commissions },
  { to: "/members", label: strings.nav.members },
  { to: "/messages", label: messageStrings.nav },
];

export function isPartner(role: string | undefined): boolean {
  return role === "partner";
}

/** Signed-in partners only: others see a clear refusal (the API refuses them anyway). */
export function Component() {
  return <ConsoleLayout navItems={NAV_ITEMS} allows={isPartner} />;
}
