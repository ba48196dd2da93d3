import { referralCodeSchema } from "@referral-app/shared/schemas/auth";

/**
 * The referral code in `referralapp://r/CODE`, `https://HOST/r/CODE`, Expo Go's `exp://…/--/r/CODE`
 * or the path `/r/CODE` (trailing slash or query allowed), upper-cased; null when there is none.
 */
export function referralCodeFromUrl(url: string): string | null {
  const match = /(?:^[a-z][a-z0-9+.-]*:\/\/|^|\/)r\/([^/?#]+)/i.exec(url.trim());
  if (!match?.[1]) return null;
  const parsed = referralCodeSchema.safeParse(decodeURIComponent(match[1]));
  return parsed.success ? parsed.data : null;
}

/** The https link a client shares; it opens the app when installed, the web sign-up otherwise. */
export function referralShareUrl(code: string, webHost: string): string {
  return `https://${webHost}/r/${encodeURIComponent(code)}`;
}
