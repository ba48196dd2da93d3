// Adds up the JSON reports that .ci/run's suites wrote and prints "N passed, N failed".
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
// vitest and jest write JSON with the same two counts; node's test runner's spec output ends with them.
async function counts(file) {
  const text = await readFile(path.join(dir, file), "utf8");
  if (file.endsWith(".json")) {
    const report = JSON.parse(text);
    return [report.numPassedTests ?? 0, report.numFailedTests ?? 0];
  }
  const pass = text.match(/^ℹ pass (\d+)$/m);
  const fail = text.match(/^ℹ fail (\d+)$/m);
  return [Number(pass?.[1] ?? 0), Number(fail?.[1] ?? 1)];
}

for (const file of (await readdir(dir)).filter((name) => /\.(json|log)$/.test(name)).sort()) {
  const [p, f] = await counts(file);
  console.log(`${file.padEnd(30)} ${String(p).padStart(5)} passed ${String(f).padStart(4)} failed`);
  passed += p;
  failed += f;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
