import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys, users } from "../db/schema/index.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";
import { DomainError } from "./domain-error.ts";
import {
  IDEMPOTENCY_TTL_MS,
  purgeExpiredIdempotencyKeys,
  requestHash,
  runIdempotent,
  stableStringify,
} from "./idempotency.ts";

let t: TestApp;
const userId = "idempotency-test-user";

beforeAll(async () => {
  t = await createTestApp();
  await t.ctx.db
    .insert(users)
    .values({ id: userId, name: "Idem Potent", email: "idem@example.com", referralCode: "IDEMPOT1" });
});
afterAll(() => t.close());

describe("stableStringify / requestHash", () => {
  it("ignores key order and undefined fields, not values", () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash({ a: 1, b: "x" })).toBe(requestHash({ b: "x", a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe("runIdempotent", () => {
  const request = (key: string | undefined, body: unknown) => ({ userId, scope: "test.op", key, body });

  it("runs every time without a key", async () => {
    let runs = 0;
    for (let i = 0; i < 2; i += 1) {
      const result = await runIdempotent(t.ctx.db, request(undefined, {}), async () => {
        runs += 1;
        return { statusCode: 201, body: { runs } };
      });
      expect(result.replayed).toBe(false);
    }
    expect(runs).toBe(2);
  });

  it("runs once per key and replays the stored answer", async () => {
    let runs = 0;
    const op = async () => {
      runs += 1;
      return { statusCode: 201, body: { run: runs } };
    };
    const first = await runIdempotent(t.ctx.db, request("k-once", { a: 1 }), op);
    const second = await runIdempotent(t.ctx.db, request("k-once", { a: 1 }), op);
    expect(runs).toBe(1);
    expect(first).toEqual({ statusCode: 201, body: { run: 1 }, replayed: false });
    expect(second).toEqual({ statusCode: 201, body: { run: 1 }, replayed: true });
  });

  it("refuses the key for another body", async () => {
    const op = async () => ({ statusCode: 201, body: {} });
    await runIdempotent(t.ctx.db, request("k-body", { a: 1 }), op);
    const reused = runIdempotent(t.ctx.db, request("k-body", { a: 2 }), op);
    await expect(reused).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("stores nothing when the operation fails, so the key can be used again", async () => {
    const failing = runIdempotent(t.ctx.db, request("k-fail", {}), async (tx) => {
      await tx.execute(sql`select 1`);
      throw new DomainError("REFERRAL_DUPLICATE", "duplicate");
    });
    await expect(failing).rejects.toBeInstanceOf(DomainError);
    const rows = await t.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "k-fail"));
    expect(rows).toHaveLength(0);
    const retried = await runIdempotent(t.ctx.db, request("k-fail", {}), async () => ({
      statusCode: 201,
      body: { ok: true },
    }));
    expect(retried.replayed).toBe(false);
  });

  it("lets concurrent requests with one key run the operation once and all get its answer", async () => {
    let runs = 0;
    const op = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { statusCode: 201, body: { run: runs } };
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => runIdempotent(t.ctx.db, request("k-race", { a: 1 }), op)),
    );
    expect(runs).toBe(1);
    expect(results.map((result) => result.body)).toEqual(Array(8).fill({ run: 1 }));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
  });
});

describe("purgeExpiredIdempotencyKeys", () => {
  it("deletes keys older than the TTL only", async () => {
    const old = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 60_000);
    await t.ctx.db.insert(idempotencyKeys).values([
      { userId, scope: "purge", key: "old", requestHash: "h", createdAt: old },
      { userId, scope: "purge", key: "new", requestHash: "h" },
    ]);
    expect(await purgeExpiredIdempotencyKeys(t.ctx.db)).toBe(1);
    const left = await t.ctx.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.scope, "purge"));
    expect(left).toEqual([{ key: "new" }]);
  });
});
