import { en as shared } from "@referral-app/i18n/en";

// The words of the signed-out pages (sign in, sign up, passwords, email) and what every page shares:
// the first page loads only these, in the visitor's language.
export const enSignedOut = {
  app: {
    name: "Referral Client App",
    skipToContent: "Skip to main content",
    loading: "Loading…",
  },
  theme: shared.theme,
  language: shared.language,
  country: shared.country,
  common: {
    ...shared.common,
    save: shared.common.saveChanges,
    pageOf: "Page {{page}} of {{pages}}",
    pagination: "Pagination",
    copy: "Copy",
    notFoundTitle: "Page not found",
    notFoundBody: "The page you are looking for does not exist or has moved.",
    goHome: "Go to the dashboard",
  },
  validation: shared.validation,
  auth: {
    email: "Email",
    password: "Password",
    signIn: {
      title: "Sign in",
      subtitle: "Follow your visa case and your referrals.",
      submit: "Sign in",
      noAccount: "New here?",
      createAccount: "Create an account",
      forgot: "Forgot your password?",
      invalidCredentials: "The email or password is incorrect.",
    },
    signUp: {
      title: "Create your account",
      subtitle: "It takes a minute. Your case manager will see it straight away.",
      name: "Full name",
      passwordHint: "At least 8 characters.",
      phone: "Phone",
      country: "Country",
      countryHint: "The country you live in.",
      referralCode: "Referral code",
      referralCodeHint: "From a friend's link? It is already filled in.",
      submit: "Create account",
      haveAccount: "Already have an account?",
      emailTaken: "An account with this email already exists. Try signing in.",
    },
    forgot: {
      title: "Reset your password",
      subtitle: "We'll email you a link to choose a new one.",
      submit: "Send reset link",
      sent: "If an account exists for {{email}}, a reset link is on its way.",
      back: "Back to sign in",
    },
    reset: {
      title: "Choose a new password",
      newPassword: "New password",
      submit: "Update password",
      done: "Your password has been updated. You can sign in now.",
      invalidToken: "This reset link is invalid or has expired. Ask for a new one.",
    },
    verify: {
      title: "Verify your email",
      verifying: "Verifying your email…",
      success: "Your email address is verified. Thank you!",
      failed: "This verification link is invalid or has expired.",
      missing: "Open the link from the email we sent you to verify your address.",
      continue: "Continue",
    },
  },
};

/** Every leaf a string: what another language must fill in. */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
/** The shape every language fills in full: the signed-out words. */
export type SignedOutTranslation = Strings<typeof enSignedOut>;
