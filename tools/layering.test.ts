import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = path.join(root, "tools/test-fixtures/layering");

describe("layering check (dependency-cruiser)", () => {
  it("fails on deliberate bad imports and names each broken rule", () => {
    const run = spawnSync(
      path.join(root, "node_modules/.bin/depcruise"),
      ["--config", path.join(root, ".dependency-cruiser.cjs"), "packages", "apps", "backend"],
      { cwd: fixture, encoding: "utf8" },
    );
    const output = run.stdout + run.stderr;
    expect(run.status).not.toBe(0);
    expect(output).toContain("shared-depends-on-zod-only: packages/shared/src/uses-react.ts");
    expect(output).toContain("no-app-imports-backend: apps/web/src/uses-backend.ts");
    expect(output).toContain("no-package-imports-app: packages/ui/src/uses-app.ts");
    expect(output).toContain("app-kit-is-above-the-packages: packages/ui/src/uses-app-kit.ts");
  });
});
