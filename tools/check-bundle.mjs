// Prints an app's built JS chunks gzipped and what a cold load of its first page fetches: the entry
// chunk with its static imports, plus the lazy route modules (and their static imports) that its router
// loads on the way to the sign-in form. Each app names those modules and its figures in its
// package.json, run from the app's folder:
//   "bundleBudget": { "page": "/", "coldLoad": ["sign-in-page", …], "checkKB": 95, "goalKB": 90 }
// `--check` (CI, `npm run check-bundle`) fails when that cold load is over checkKB; the build only
// reports, so a big bundle never stops `npm start`. tools/browser/first-load.spec.ts measures the
// client app's in Chromium.
// Usage: node ../../tools/check-bundle.mjs [--check]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const { name, bundleBudget } = JSON.parse(readFileSync("package.json", "utf8"));
if (!bundleBudget) throw new Error(`${name} has no "bundleBudget" in its package.json`);
const { page, coldLoad: coldLoadModules, checkKB, goalKB } = bundleBudget;

const dist = "dist";
const assets = join(dist, "assets");
const kb = (bytes) => (bytes / 1024).toFixed(1);
const read = (file) => readFileSync(join(assets, file));

const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = html.match(/<script type="module"[^>]*src="[^"]*\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) throw new Error("No entry script in dist/index.html; run vite build first.");

const files = readdirSync(assets).filter((file) => file.endsWith(".js"));
const named = (module) => {
  const file = files.find((candidate) => candidate.startsWith(`${module}-`));
  if (!file) throw new Error(`No ${module} chunk: update bundleBudget.coldLoad to match the router`);
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
for (const module of coldLoadModules) staticClosure(named(module), coldLoad);

const chunks = files
  .map((file) => ({ file, raw: read(file).length, gzip: gzipSync(read(file), { level: 9 }).length }))
  .sort((a, b) => Number(coldLoad.has(b.file)) - Number(coldLoad.has(a.file)) || b.gzip - a.gzip);
console.log(`\n${name}: JS chunks (gzipped):`);
for (const chunk of chunks) {
  const kind = firstRoute.has(chunk.file)
    ? "entry    "
    : coldLoad.has(chunk.file)
      ? "cold load"
      : "lazy     ";
  console.log(`  ${kind}  ${kb(chunk.gzip).padStart(7)} KB  ${chunk.file}`);
}
for (const file of readdirSync(assets).filter((file) => file.endsWith(".css"))) {
  console.log(`  css        ${kb(gzipSync(read(file), { level: 9 }).length).padStart(7)} KB  ${file}`);
}

const sum = (set, key) =>
  chunks.filter((chunk) => set.has(chunk.file)).reduce((total, c) => total + c[key], 0);
const cold = sum(coldLoad, "gzip");
console.log(
  `\nEntry chunk and its static imports: ${kb(sum(firstRoute, "gzip"))} KB gzipped in ${firstRoute.size} chunk(s)`,
);
console.log(
  `Cold load of ${page} (to the sign-in form): ${kb(cold)} KB gzipped (${kb(sum(coldLoad, "raw"))} KB raw) in ${coldLoad.size} chunks; check ${checkKB} KB, goal ${goalKB} KB`,
);
if (process.argv.includes("--check") && cold / 1024 > checkKB) {
  console.error(`${name}: the cold load of ${page} is ${kb(cold - checkKB * 1024)} KB over ${checkKB} KB.`);
  process.exit(1);
}
