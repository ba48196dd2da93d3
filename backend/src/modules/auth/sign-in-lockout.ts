import { createHash } from "node:crypto";
import type { AppContext } from "../../context.ts";
import { tooManyAttempts } from "../../lib/domain-error.ts";
import {
  addFailure,
  clearFailures,
  findLockedUntil,
  type LockoutPolicy,
} from "./sign-in-failures.repository.ts";

// Per e-mail address, whether or not an account has it (so the answer says nothing about that):
// 5 failures lock sign-in for 1 minute, each further failure doubles it up to an hour, and a day
// without failures starts over. A password reset still works while locked.
const POLICY: LockoutPolicy = { threshold: 5, baseSeconds: 60, maxSeconds: 3600, forgetSeconds: 86_400 };

const keyOf = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** Throws RATE_LIMITED, naming the wait, while the address is locked. */
export async function assertNotLockedOut(ctx: AppContext, email: string): Promise<void> {
  const until = await findLockedUntil(ctx.db, keyOf(email));
  if (until) throw tooManyAttempts(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)));
}

export async function recordSignIn(ctx: AppContext, email: string, succeeded: boolean): Promise<void> {
  if (succeeded) await clearFailures(ctx.db, keyOf(email));
  else await addFailure(ctx.db, keyOf(email), POLICY);
}
