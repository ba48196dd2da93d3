import { defineProject } from "vitest/config";
import { GATEWAY_TESTS } from "./vitest.gateway.config.ts";

// Deploy-file invariants that need only Node; the nginx/terraform checks are `npm run test:gateway`.
export default defineProject({
  test: {
    name: "infrastructure",
    include: ["tests/**/*.test.ts"],
    exclude: GATEWAY_TESTS,
    environment: "node",
    testTimeout: 20_000,
  },
});
