import { referralCodeFromUrl } from "../src/links/referral-link";

// Incoming links on iOS/Android: any referral link form (custom scheme, https, Expo Go) goes to sign-up.
export function redirectSystemPath({ path }: { path: string; initial: boolean }): string {
  const code = referralCodeFromUrl(path);
  return code ? `/sign-up?code=${encodeURIComponent(code)}` : path;
}
