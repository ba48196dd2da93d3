import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeIdempotencyKeysJob } from "../modules/referrals/referrals.jobs.ts";
import { createTestApp, type TestApp } from "../test/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(() => t.close());

describe("job queue workers", () => {
  // PGlite: an idle worker sleeps with a 60 s backstop poll, so only the insert's NOTIFY can wake it
  // this fast. PostgreSQL: the 0.5 s poll does.
  it("pick up a job queued while they sleep within moments, once", async () => {
    const seen: string[] = [];
    await t.ctx.queue.work(purgeIdempotencyKeysJob, { concurrency: 1 }, async (item) => {
      seen.push(item.id);
    });
    // Let the worker's first fetch find nothing and go to sleep.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const round of [1, 2]) {
      const id = await t.ctx.queue.send(purgeIdempotencyKeysJob, {});
      const started = Date.now();
      while (!seen.includes(id ?? "") && Date.now() - started < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen, `round ${round}`).toContain(id);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });
});
