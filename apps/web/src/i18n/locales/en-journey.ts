import type { Strings } from "./en-signed-out.ts";

// The words of the compact header, the offer and sharing, rewards, the first-run welcome and
// offline feedback (their own file so each language's main file stays small).
export const enJourney = {
  header: {
    menu: "Menu",
    closeMenu: "Close menu",
    signOutFailed:
      "Sign-out did not reach the server; you are still signed in. Check your connection and try again.",
  },
};

export type JourneyTranslation = Strings<typeof enJourney>;
