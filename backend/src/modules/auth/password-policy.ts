import { PASSWORD_PROBLEMS, passwordRuleProblem } from "@referral-app/shared/validation";
import { dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts's frequency-ranked list of common passwords (MIT; about 49,000 entries, 18,000 of them
// 8 characters or longer), bundled: no network at sign-up.
const COMMON = new Set(dictionary["passwords-common"]);

/** Why this password is refused, in words, or null. `email` is the account's address, if known. */
export function passwordProblem(password: string, email?: string): string | null {
  if (COMMON.has(password.toLowerCase())) return PASSWORD_PROBLEMS.common;
  return passwordRuleProblem(password, email);
}
