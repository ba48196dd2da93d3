import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TERRAFORM_DIR } from "./terraform-hcl.ts";

// Needs the terraform binary (a static download, see docs/deploy.md): `npm run test:gateway`.
describe("terraform", () => {
  it("is in canonical `terraform fmt` style", () => {
    const output = execFileSync("terraform", ["fmt", "-check", "-list=true", "-recursive", TERRAFORM_DIR], {
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
    });
    expect(output).toBe("");
  });
});
