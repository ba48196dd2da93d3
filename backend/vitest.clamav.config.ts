import { defineProject } from "vitest/config";

// `npm run test:clamav`: uploads scanned by Debian's clamd (clamav-daemon), started by the suite.
export default defineProject({
  test: {
    name: "clamav",
    include: ["src/**/*.clamav.test.ts"],
    environment: "node",
    globalSetup: ["src/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
