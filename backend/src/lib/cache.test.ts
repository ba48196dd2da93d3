import { Redis } from "ioredis";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { MemoryCache, RedisCache } from "./cache.ts";

describe("MemoryCache", () => {
  it("expires entries after their TTL and evicts the least recently used", async () => {
    let now = 0;
    const cache = new MemoryCache(2, () => now);
    await cache.set("a", { n: 1 }, 10);
    await cache.set("b", { n: 2 }, 10);
    expect(await cache.get("a")).toEqual({ n: 1 }); // a is now the most recent
    await cache.set("c", { n: 3 }, 10);
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toEqual({ n: 1 });
    now = 10_001;
    expect(await cache.get("a")).toBeUndefined();
  });

  it("loads once through wrap, hands out copies, and broadcasts deletions", async () => {
    const sent: unknown[] = [];
    const cache = new MemoryCache();
    cache.useInvalidation(async (message) => {
      sent.push(message);
    });
    let loads = 0;
    const load = async () => ({ loads: ++loads });
    expect(await cache.wrap("k", 60, load)).toEqual({ loads: 1 });
    const copy = await cache.wrap<{ loads: number }>("k", 60, load);
    copy.loads = 99;
    expect(await cache.get("k")).toEqual({ loads: 1 });
    await cache.delPrefix("k");
    expect(await cache.get("k")).toBeUndefined();
    expect(sent).toEqual([{ keys: [], prefixes: ["k"] }]);
  });
});

describe("RedisCache without Redis", () => {
  it("treats an unreachable Redis as a miss and still loads", async () => {
    const down = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const broken = new RedisCache(down, pino({ level: "silent" }));
    expect(await broken.wrap("x", 10, async () => "fresh")).toBe("fresh");
    down.disconnect();
  });
});
