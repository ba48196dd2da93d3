import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "backend",
    include: ["src/**/*.test.ts"],
    // Suites that need a service beyond Node have their own command (`npm run test:redis`, `npm run test:clamav`).
    exclude: ["src/**/*.redis.test.ts", "src/**/*.clamav.test.ts"],
    environment: "node",
    globalSetup: ["src/test/global-setup.ts"],
    // Each file gets its own database copied from one migrated template.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
