import { Redis } from "ioredis";

// The Redis suite fails with the reason when no server answers, instead of timing out test by test.
export default async function requireRedis() {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `The Redis suite needs a Redis server at ${url} (set REDIS_URL, or start one: redis-server --port 6379): ${(error as Error).message}`,
    );
  } finally {
    redis.disconnect();
  }
}
