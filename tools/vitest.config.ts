import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "tools",
    include: ["*.test.ts", "ci/**/*.test.ts", "openapi-client/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
