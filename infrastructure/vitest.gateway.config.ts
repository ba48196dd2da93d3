import { defineProject } from "vitest/config";

// `npm run test:gateway`: the nginx gateway and `terraform fmt`; needs nginx, openssl and terraform.
export const GATEWAY_TESTS = ["tests/gateway.test.ts", "tests/terraform-fmt.test.ts"];

export default defineProject({
  test: {
    name: "gateway",
    include: GATEWAY_TESTS,
    environment: "node",
    globalSetup: ["tests/require-tools.ts"],
    testTimeout: 20_000,
  },
});
