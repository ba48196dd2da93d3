import { defineProject } from "vitest/config";

export default defineProject({
  // Dates in tests are instants; a fixed zone keeps their calendar day the same on every machine.
  test: { name: "shared", include: ["src/**/*.test.ts"], environment: "node", env: { TZ: "UTC" } },
});
