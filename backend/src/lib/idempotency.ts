import { createHash } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import { DomainError } from "./domain-error.ts";

/** What a first request answered; a retry with the same key gets exactly this back. */
export interface StoredResponse<T> {
  statusCode: number;
  body: T;
}

export interface IdempotentResult<T> extends StoredResponse<T> {
  /** True when this is a stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotentRequest {
  userId: string;
  /** The operation, e.g. `referrals.create`: one key may be used once per scope. */
  scope: string;
  /** The `Idempotency-Key` header; without it the operation just runs. */
  key: string | undefined;
  /** The validated request body; its hash tells a retry from a reuse of the key. */
  body: unknown;
}

/** Keys are kept a day: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so the order of fields does not change the hash. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item ?? null)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(stableStringify(body)).digest("hex");
}

/**
 * Runs `operation` in a transaction that first claims the key (INSERT … ON CONFLICT DO NOTHING) and
 * finally stores the answer in the same row. The claim and the change commit or roll back together:
 * a concurrent request with the same key blocks on the claim until the first commits, then replays
 * its answer; if the first rolls back (an error answer), the key is free again and nothing is stored.
 */
export async function runIdempotent<T>(
  db: Db,
  request: IdempotentRequest,
  operation: (tx: Tx) => Promise<StoredResponse<T>>,
): Promise<IdempotentResult<T>> {
  const { key } = request;
  if (!key) {
    const response = await db.transaction(operation);
    return { ...response, replayed: false };
  }
  const hash = requestHash(request.body);
  return db.transaction(async (tx) => {
    const where = and(
      eq(idempotencyKeys.userId, request.userId),
      eq(idempotencyKeys.scope, request.scope),
      eq(idempotencyKeys.key, key),
    );
    const [claimed] = await tx
      .insert(idempotencyKeys)
      .values({ userId: request.userId, scope: request.scope, key, requestHash: hash })
      .onConflictDoNothing({ target: [idempotencyKeys.userId, idempotencyKeys.scope, idempotencyKeys.key] })
      .returning({ id: idempotencyKeys.id });
    if (!claimed) {
      const [existing] = await tx.select().from(idempotencyKeys).where(where);
      if (existing && existing.requestHash !== hash) {
        throw new DomainError(
          "IDEMPOTENCY_KEY_REUSED",
          "This Idempotency-Key was already used for a different request",
        );
      }
      // Only reachable if the row vanished or was never completed (e.g. purged mid-flight).
      if (!existing || existing.statusCode === null) {
        throw new DomainError(
          "IDEMPOTENCY_IN_PROGRESS",
          "A request with this Idempotency-Key is in progress",
        );
      }
      return { statusCode: existing.statusCode, body: existing.response as T, replayed: true };
    }
    const response = await operation(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: response.statusCode, response: response.body })
      .where(eq(idempotencyKeys.id, claimed.id));
    return { ...response, replayed: false };
  });
}

/** Deletes keys older than the TTL; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
