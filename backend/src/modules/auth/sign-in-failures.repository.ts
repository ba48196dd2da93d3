import { and, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { signInFailures } from "../../db/schema/index.ts";

export interface LockoutPolicy {
  /** Failures before the first lockout. */
  threshold: number;
  /** The first lockout; each further failure doubles it, up to maxSeconds. */
  baseSeconds: number;
  maxSeconds: number;
  /** A quiet spell this long starts the count over. */
  forgetSeconds: number;
}

/** When the address's lockout ends, if it is locked now. */
export async function findLockedUntil(db: DbOrTx, emailHash: string): Promise<Date | null> {
  const [row] = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(and(eq(signInFailures.emailHash, emailHash), gt(signInFailures.lockedUntil, sql`now()`)));
  return row?.lockedUntil ?? null;
}

/** Counts one failure, atomically (instances race on the same row), and sets the lockout it earns. */
export async function addFailure(db: DbOrTx, emailHash: string, policy: LockoutPolicy): Promise<void> {
  const count = sql`(case when ${signInFailures.lastFailedAt} < now() - make_interval(secs => ${policy.forgetSeconds})
    then 1 else ${signInFailures.failures} + 1 end)`;
  await db
    .insert(signInFailures)
    .values({ emailHash, failures: 1 })
    .onConflictDoUpdate({
      target: signInFailures.emailHash,
      set: {
        failures: count,
        lockedUntil: sql`case when ${count} >= ${policy.threshold}
          then now() + make_interval(secs => least(${policy.maxSeconds}::float8,
            ${policy.baseSeconds}::float8 * power(2::float8, ${count} - ${policy.threshold})))
          end`,
        lastFailedAt: sql`now()`,
      },
    });
}

export async function clearFailures(db: DbOrTx, emailHash: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.emailHash, emailHash));
}
