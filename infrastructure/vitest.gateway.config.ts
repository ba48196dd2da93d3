import { defineProject } from "vitest/config";

// `npm run test:gateway`: the nginx gateway (gateway-tests/, with two real API instances on PostgreSQL for
// messages) and `terraform fmt`; needs nginx, openssl, terraform and a PostgreSQL server. The gateway tests
// live outside tests/ and are named *.nginx.ts, so no Node-only run (`npm test`, a bare vitest) collects them.
export const GATEWAY_TESTS = ["gateway-tests/**/*.nginx.ts", "tests/terraform-fmt.test.ts"];

export default defineProject({
  test: {
    name: "gateway",
    include: GATEWAY_TESTS,
    environment: "node",
    globalSetup: ["tests/require-tools.ts"],
    testTimeout: 20_000,
  },
});
