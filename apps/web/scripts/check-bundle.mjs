// Prints every built JS chunk's gzipped size and fails when the first route's JavaScript — the entry
// chunk plus everything it imports statically (what the browser must fetch before the first paint),
// lazy chunks excluded — is over budget. Reads Vite's manifest-free output by following imports.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 110;
const GOAL_KB = 90;
const dist = fileURLToPath(new URL("../dist", import.meta.url));
const assets = join(dist, "assets");

const kb = (bytes) => bytes / 1024;
const gzipped = (file) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;

const html = readFileSync(join(dist, "index.html"), "utf8");
const entry = html.match(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) throw new Error("No entry script in dist/index.html; run vite build first.");

// Static imports only: `import … from "./x.js"` and `import "./x.js"`; dynamic import() is lazy.
const staticImport = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g;
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(assets, file), "utf8");
  for (const match of code.matchAll(staticImport)) staticClosure(match[1], seen);
  return seen;
}

const firstRoute = staticClosure(entry);
const chunks = readdirSync(assets)
  .filter((file) => file.endsWith(".js"))
  .map((file) => ({ file, gzip: gzipped(file), first: firstRoute.has(file) }))
  .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);

console.log("\nJS chunks (gzipped):");
for (const chunk of chunks) {
  console.log(
    `  ${chunk.first ? "first route" : "lazy       "}  ${kb(chunk.gzip).toFixed(1).padStart(7)} KB  ${chunk.file}`,
  );
}
const css = readdirSync(assets).filter((file) => file.endsWith(".css"));
for (const file of css) console.log(`  css          ${kb(gzipped(file)).toFixed(1).padStart(7)} KB  ${file}`);

// For the record, not the budget: what a signed-in visitor of "/" downloads before the dashboard shows.
const dashboardPath = new Set(firstRoute);
for (const name of ["app-root", "route-error", "app-layout", "dashboard-page"]) {
  const chunk = chunks.find((candidate) => candidate.file.startsWith(`${name}-`));
  if (chunk) staticClosure(chunk.file, dashboardPath);
}
const dashboardTotal = chunks
  .filter((chunk) => dashboardPath.has(chunk.file))
  .reduce((sum, c) => sum + c.gzip, 0);

const total = chunks.filter((chunk) => chunk.first).reduce((sum, chunk) => sum + chunk.gzip, 0);
console.log(
  `\nFirst route JS: ${kb(total).toFixed(1)} KB gzipped in ${firstRoute.size} chunk(s) (budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB)`,
);
console.log(
  `Dashboard critical path (first route + app root, layout and dashboard chunks): ${kb(dashboardTotal).toFixed(1)} KB gzipped in ${dashboardPath.size} chunk(s)`,
);
// The build only reports; `npm run check-bundle` (CI) enforces the budget, so a big bundle never stops `npm start`.
if (process.argv.includes("--check") && kb(total) > BUDGET_KB) {
  console.error(`Bundle budget exceeded by ${(kb(total) - BUDGET_KB).toFixed(1)} KB.`);
  process.exit(1);
}
