import { defineProject } from "vitest/config";

// `npm run test:redis`: the shared cache against a real Redis (REDIS_URL, default 127.0.0.1:6379).
export default defineProject({
  test: {
    name: "redis",
    include: ["src/**/*.redis.test.ts"],
    environment: "node",
    globalSetup: ["src/test/require-redis.ts"],
    testTimeout: 30_000,
  },
});
