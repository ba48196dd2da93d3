import { defineProject } from "vitest/config";

// Deploy-file invariants; needs nginx (apt-get install -y nginx-light), openssl and terraform on PATH.
export default defineProject({
  test: {
    name: "infrastructure",
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
