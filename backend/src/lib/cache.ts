import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";

/**
 * A small shared cache for hot reads (feature flags, analytics aggregates). Values are JSON.
 * With REDIS_URL every instance shares one Redis; otherwise each process keeps an LRU in memory
 * and deletions reach the other instances through `onInvalidate` (PostgreSQL NOTIFY).
 *
 * Invalidate on write: after the transaction that changes the data commits, call
 * `ctx.cache.del(key)` (or `delPrefix` for a family such as `features:`). Reads use
 * `ctx.cache.wrap(key, ttlSeconds, load)`. Keep TTLs short: the TTL bounds staleness if a
 * deletion is ever missed (e.g. Redis down at that moment).
 */
export interface Cache {
  readonly kind: "redis" | "memory";
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Deletes every key starting with `prefix`. */
  delPrefix(prefix: string): Promise<void>;
  /** The cached value, or `load()`'s result stored for `ttlSeconds`. */
  wrap<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Broadcasts deletions to other processes; set by the PostgreSQL transport in memory mode. */
export type InvalidationPublisher = (message: { keys: string[]; prefixes: string[] }) => Promise<void>;

abstract class BaseCache implements Cache {
  abstract readonly kind: "redis" | "memory";
  abstract get<T>(key: string): Promise<T | undefined>;
  abstract set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  abstract del(...keys: string[]): Promise<void>;
  abstract delPrefix(prefix: string): Promise<void>;
  abstract close(): Promise<void>;

  async wrap<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    const cached = await this.get<T>(key);
    if (cached !== undefined) return cached;
    const value = await load();
    if (value !== undefined) await this.set(key, value, ttlSeconds);
    return value;
  }
}

interface Entry {
  json: string;
  expiresAt: number;
}

/** In-process LRU (Map keeps insertion order; a hit moves the key to the end). */
export class MemoryCache extends BaseCache {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, Entry>();
  private publisher: InvalidationPublisher | undefined;

  constructor(
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Deletions are also sent to the other instances through `publish`. */
  useInvalidation(publish: InvalidationPublisher): void {
    this.publisher = publish;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return JSON.parse(entry.json) as T;
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    this.entries.delete(key);
    // Stored as JSON so callers never share (and mutate) one object.
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: this.now() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  async del(...keys: string[]): Promise<void> {
    this.dropLocal({ keys, prefixes: [] });
    await this.publisher?.({ keys, prefixes: [] });
  }

  async delPrefix(prefix: string): Promise<void> {
    this.dropLocal({ keys: [], prefixes: [prefix] });
    await this.publisher?.({ keys: [], prefixes: [prefix] });
  }

  /** Applies a deletion made here or received from another instance. */
  dropLocal(message: { keys: string[]; prefixes: string[] }): void {
    for (const key of message.keys) this.entries.delete(key);
    if (message.prefixes.length === 0) return;
    for (const key of [...this.entries.keys()]) {
      if (message.prefixes.some((prefix) => key.startsWith(prefix))) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/** Shared cache in Redis. Redis errors count as misses: the database stays the source of truth. */
export class RedisCache extends BaseCache {
  readonly kind = "redis" as const;

  constructor(
    private readonly redis: Redis,
    private readonly logger: FastifyBaseLogger,
    private readonly namespace = "cache:",
  ) {
    super();
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const json = await this.redis.get(this.namespace + key);
      return json === null ? undefined : (JSON.parse(json) as T);
    } catch (err) {
      this.logger.debug({ err, key }, "cache get failed");
      return undefined;
    }
  }

  async set<T>(key: string, value: T, ttlSeconds: number): Promise<void> {
    try {
      await this.redis.set(
        this.namespace + key,
        JSON.stringify(value),
        "EX",
        Math.max(1, Math.ceil(ttlSeconds)),
      );
    } catch (err) {
      this.logger.debug({ err, key }, "cache set failed");
    }
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.redis.del(...keys.map((key) => this.namespace + key)).catch((err: unknown) => {
      this.logger.warn({ err, keys }, "cache delete failed; entries expire with their TTL");
    });
  }

  async delPrefix(prefix: string): Promise<void> {
    try {
      let cursor = "0";
      do {
        const [next, keys] = await this.redis.scan(
          cursor,
          "MATCH",
          `${this.namespace}${prefix}*`,
          "COUNT",
          200,
        );
        cursor = next;
        if (keys.length > 0) await this.redis.del(...keys);
      } while (cursor !== "0");
    } catch (err) {
      this.logger.warn({ err, prefix }, "cache delete failed; entries expire with their TTL");
    }
  }

  async close(): Promise<void> {}
}
