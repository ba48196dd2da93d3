// Prints every built JS chunk's gzipped size and what a cold load of "/" fetches: the entry chunk with
// its static imports (the entry sends a signed-out visitor of "/" to /sign-in before routing), plus the
// signed-out route modules router.tsx loads for the sign-in form and its English words.
// `--check` (CI, `npm run check-bundle`) fails when that cold load is over CHECK_KB; the build only
// reports, so a big bundle never stops `npm start`. tools/browser/first-load.spec.ts measures the same
// thing in Chromium.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const CHECK_KB = 110;
const BUDGET_KB = 110;
const GOAL_KB = 90;
// router.tsx's lazy modules (and loader data) on the way to the sign-in form, in English.
const COLD_LOAD_MODULES = ["signed-out-layout", "sign-in-page", "en-signed-out"];

const dist = fileURLToPath(new URL("../dist", import.meta.url));
const assets = join(dist, "assets");
const kb = (bytes) => (bytes / 1024).toFixed(1);
const read = (file) => readFileSync(join(assets, file));

const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) throw new Error("No entry script in dist/index.html; run vite build first.");

const files = readdirSync(assets).filter((file) => file.endsWith(".js"));
const named = (name) => {
  const file = files.find((candidate) => candidate.startsWith(`${name}-`));
  if (!file) throw new Error(`No ${name} chunk: update COLD_LOAD_MODULES to match router.tsx`);
  return file;
};

// Static imports: `import … from "./x.js"` and `import "./x.js"`; dynamic import() is lazy.
const staticImport = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g;
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const match of read(file).toString().matchAll(staticImport)) staticClosure(match[1], seen);
  return seen;
}

const firstRoute = staticClosure(entry);
const coldLoad = new Set(firstRoute);
for (const name of COLD_LOAD_MODULES) staticClosure(named(name), coldLoad);

const chunks = files
  .map((file) => ({ file, raw: read(file).length, gzip: gzipSync(read(file), { level: 9 }).length }))
  .sort((a, b) => Number(coldLoad.has(b.file)) - Number(coldLoad.has(a.file)) || b.gzip - a.gzip);
console.log("\nJS chunks (gzipped):");
for (const chunk of chunks) {
  const kind = firstRoute.has(chunk.file)
    ? "entry    "
    : coldLoad.has(chunk.file)
      ? "cold load"
      : "lazy     ";
  console.log(`  ${kind}  ${kb(chunk.gzip).padStart(7)} KB  ${chunk.file}`);
}
for (const file of readdirSync(assets).filter((name) => name.endsWith(".css"))) {
  console.log(`  css        ${kb(gzipSync(read(file), { level: 9 }).length).padStart(7)} KB  ${file}`);
}

const sum = (set, key) =>
  chunks.filter((chunk) => set.has(chunk.file)).reduce((total, c) => total + c[key], 0);
const cold = sum(coldLoad, "gzip");
console.log(
  `\nEntry chunk and its static imports: ${kb(sum(firstRoute, "gzip"))} KB gzipped in ${firstRoute.size} chunk(s)`,
);
console.log(
  `Cold load of / (to the sign-in form): ${kb(cold)} KB gzipped (${kb(sum(coldLoad, "raw"))} KB raw) in ${coldLoad.size} chunks; check ${CHECK_KB} KB, budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB`,
);
if (process.argv.includes("--check") && cold / 1024 > CHECK_KB) {
  console.error(`The cold load of / is ${kb(cold - CHECK_KB * 1024)} KB over ${CHECK_KB} KB.`);
  process.exit(1);
}
