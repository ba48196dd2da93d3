import { defineConfig } from "vitest/config";

// One runner for every TypeScript workspace; the mobile app runs its own jest-expo suite.
export default defineConfig({
  test: {
    projects: [
      "packages/*/vitest.config.ts",
      "apps/*/vitest.config.ts",
      "backend/vitest.config.ts",
      "tools/vitest.config.ts",
      "infrastructure/vitest.config.ts",
    ],
  },
});
