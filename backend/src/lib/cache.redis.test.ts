import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { RedisCache } from "./cache.ts";

// Needs a Redis server (REDIS_URL, default redis://127.0.0.1:6379): `npm run test:redis`.
describe("RedisCache", () => {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  const namespace = `cache-test:${randomBytes(4).toString("hex")}:`;
  const cache = new RedisCache(redis, pino({ level: "silent" }), namespace);

  afterAll(async () => {
    await cache.delPrefix("");
    redis.disconnect();
  });

  it("shares values with a TTL and deletes by key and prefix", async () => {
    await cache.set("analytics:overview:30d", { total: 5 }, 30);
    await cache.set("analytics:top", [1, 2], 30);
    await cache.set("features:all", ["a"], 30);
    expect(await cache.get("analytics:overview:30d")).toEqual({ total: 5 });
    expect(await redis.ttl(`${namespace}analytics:top`)).toBeGreaterThan(25);
    await cache.delPrefix("analytics:");
    expect(await cache.get("analytics:top")).toBeUndefined();
    expect(await cache.get("features:all")).toEqual(["a"]);
    await cache.del("features:all");
    expect(await cache.get("features:all")).toBeUndefined();
  });
});
