// Adds up the JSON reports that .ci/run's suites wrote and prints "N passed, N failed".
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of (await readdir(dir)).filter((name) => name.endsWith(".json")).sort()) {
  const report = JSON.parse(await readFile(path.join(dir, file), "utf8"));
  // vitest and jest share this shape; the browser runner writes the same two fields.
  const p = report.numPassedTests ?? 0;
  const f = report.numFailedTests ?? 0;
  console.log(`${file.padEnd(22)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed`);
  passed += p;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
