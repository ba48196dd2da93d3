import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = path.join(root, "tools/test-fixtures/layering");

describe("layering check (dependency-cruiser)", () => {
  // One run over the fixture tree: every file in it either breaks one rule on purpose or shows what is allowed.
  const run = spawnSync(
    path.join(root, "node_modules/.bin/depcruise"),
    ["--config", path.join(root, ".dependency-cruiser.cjs"), "packages", "apps", "backend"],
    { cwd: fixture, encoding: "utf8" },
  );
  const output = run.stdout + run.stderr;

  it("fails on deliberate bad imports and names each broken rule", () => {
    expect(run.status).not.toBe(0);
    expect(output).toContain("shared-depends-on-zod-only: packages/shared/src/uses-react.ts");
    expect(output).toContain("no-app-imports-backend: apps/web/src/uses-backend.ts");
    expect(output).toContain("no-package-imports-app: packages/ui/src/uses-app.ts");
    expect(output).toContain("app-kit-is-above-the-packages: packages/ui/src/uses-app-kit.ts");
  });

  it("keeps backend modules apart: another module is reached through its service only", () => {
    const rule =
      "module-uses-another-module-only-through-its-service: backend/src/modules/alpha/uses-beta-internals.ts";
    for (const internal of ["beta.repository.ts", "beta.routes.ts", "beta.jobs.ts", "beta-helper.ts"]) {
      expect(output).toContain(`${rule} → backend/src/modules/beta/${internal}`);
    }
    expect(output).not.toContain("backend/src/modules/alpha/alpha.service.ts →");
  });

  it("keeps test helpers out of production code", () => {
    expect(output).toContain(
      "production-code-uses-no-test-helper: backend/src/uses-test-fixture.ts → backend/src/test/fixture.ts",
    );
    expect(output).not.toContain("backend/src/uses-test-fixture.test.ts →");
  });

  it("lets only backend/src/queue/ import pg-boss", () => {
    expect(output).toMatch(
      /only-queue-uses-pg-boss: backend\/src\/modules\/alpha\/uses-pg-boss\.ts → \S*node_modules\/pg-boss\//,
    );
    expect(output).not.toContain("backend/src/queue/queue.ts →");
  });
});
