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
  offer: {
    title: "Refer a friend",
    headline: "Refer a friend: you get {{amount}} when they become a client",
    how: "Share your link. When your friend signs up and becomes a client, your reward is held for {{days}} days, then approved and paid to you.",
    cta: "Refer someone",
  },
  share: {
    label: "Share your link",
    native: "Share…",
    whatsapp: "WhatsApp",
    email: "E-mail",
    sms: "SMS",
    copy: "Copy link",
    copied: "Link copied",
    copyFailed: "Could not copy; select the link and copy it yourself.",
    subject: "An invitation from {{name}}",
    message: "I use this consultancy for my visa and they have been great. Sign up with my link:",
    messageAnonymous: "Sign up with my link:",
    qr: "QR code for your referral link",
    linkLabel: "Your referral link",
  },
  rewards: {
    title: "Your rewards",
    earned: "Earned",
    pending: "Pending",
    earnedHint: "Approved, paid or credited",
    pendingHint: "Held until the date shown, then approved",
    none: "No rewards yet. Each friend who becomes a client earns you {{amount}}.",
    status: {
      pending: "Pending",
      held: "Held until {{date}}",
      approved: "Approved",
      paid: "Paid",
      credited: "Credited",
      reversed: "Reversed",
    },
    forFriend: "{{name}}",
    listLabel: "Rewards by referral",
  },
  success: {
    next: "We will contact {{name}} by {{date}}. You can follow their progress under My referrals.",
    reward: "When {{name}} becomes a client, you get {{amount}}.",
    shareMore: "Know someone else? Share your link.",
    sentLater: "Your referral of {{name}} was sent.",
    offline: "You're offline; we'll send it when you're back.",
  },
  invite: {
    byName: "{{name}} invited you",
    anonymous: "You were invited",
    what: "Create your account and a consultant will contact you within {{days}} business days about your visa. It costs you nothing to talk to us.",
  },
  welcome: {
    title: "Welcome, {{name}}",
    subtitle: "Your account is ready. Three steps to get going:",
    verify: "Verify your e-mail",
    verifyDone: "E-mail verified",
    verifyHint: "We sent you a link. It keeps your account safe.",
    profile: "Complete your profile",
    profileDone: "Profile complete",
    profileHint: "Add your phone and country so your consultant can reach you.",
    refer: "Refer a friend",
    referHint: "Share your link and earn a reward when they become a client.",
    stepsLabel: "Next steps",
    done: "Done",
  },
  empty: {
    referralsCta: "Refer your first friend",
    notificationsBody: "Updates about your case and your referrals will appear here.",
    chart: "No data to show yet.",
  },
};

export type JourneyTranslation = Strings<typeof enJourney>;
