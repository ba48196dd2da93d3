import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";

/**
 * One ioredis connection for a process role. Commands fail fast while Redis is down (the cache and
 * the rate limiter then fall back instead of queueing requests behind a dead connection).
 */
export function createRedis(url: string, logger: FastifyBaseLogger): Redis {
  const redis = new Redis(url, {
    connectTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let warned = false;
  redis.on("error", (err) => {
    // One line per outage, not one per retry.
    if (!warned) logger.warn({ err }, "redis unavailable");
    warned = true;
  });
  redis.on("ready", () => {
    warned = false;
  });
  return redis;
}
