import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "backend",
    include: ["src/**/*.test.ts"],
    // Suites that need a service beyond Node have their own command (`npm run test:redis`, `npm run test:clamav`).
    exclude: ["src/**/*.redis.test.ts", "src/**/*.clamav.test.ts"],
    environment: "node",
    globalSetup: ["src/test/global-setup.ts"],
    // Files share one module registry per worker: importing the app once instead of once per file
    // halves the suite's time. Every file still builds its own app on its own database copy; module
    // state is the app's caches, which are keyed by app or by credential.
    isolate: false,
    // Each file gets its own database copied from one migrated template.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
