// Copies msw's service worker into public/ (what `npx msw init public` does), so the mock mode
// always uses the worker of the installed msw version. Run by `npm run dev:mock`.
import { copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(join(process.cwd(), "package.json"));
const mswRoot = dirname(require.resolve("msw/package.json"));
const target = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "mockServiceWorker.js");
copyFileSync(join(mswRoot, "lib", "mockServiceWorker.js"), target);
console.log(`msw worker copied to ${target}`);
