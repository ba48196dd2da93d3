// `npm run test:load [-- --short]`: the load and fault suite (tools/load/suite.ts, run through tsx).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const suite = path.join(path.dirname(fileURLToPath(import.meta.url)), "suite.ts");
const result = spawnSync(process.execPath, ["--import", "tsx", suite, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
