// Bundles the backend (and the workspace packages it imports as TypeScript) for plain Node.
import { cp, rm } from "node:fs/promises";
import { build } from "esbuild";

const started = Date.now();
await rm("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/server.ts", "src/worker.ts", "src/migrate-cli.ts"],
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  // npm dependencies stay in node_modules; our own workspace packages are TypeScript and get bundled.
  packages: "external",
  alias: { "@referral-app/shared": "../packages/shared/src" },
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
await cp("src/db/migrations", "dist/migrations", { recursive: true });
console.log(`backend built into backend/dist in ${Date.now() - started} ms`);
