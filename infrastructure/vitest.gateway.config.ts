import { defineProject } from "vitest/config";

// `npm run test:gateway`: the nginx gateway (with two real API instances on PostgreSQL for messages)
// and `terraform fmt`; needs nginx, openssl, terraform and a PostgreSQL server.
export const GATEWAY_TESTS = [
  "tests/gateway.test.ts",
  "tests/gateway-messages.test.ts",
  "tests/terraform-fmt.test.ts",
];

export default defineProject({
  test: {
    name: "gateway",
    include: GATEWAY_TESTS,
    environment: "node",
    globalSetup: ["tests/require-tools.ts"],
    testTimeout: 20_000,
  },
});
