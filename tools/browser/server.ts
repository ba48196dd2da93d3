import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  baseURL: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited ${code}`)),
    );
  });
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server not ready at ${url} within ${timeoutMs} ms`);
}

/**
 * One test run's spec files (each a child of one `node --test` process) share one seeded folder: the
 * first spec seeds it (a fresh embedded database, every migration, the demo: the slow part of a start),
 * every spec starts from its own copy. Keyed by the runner's pid and start time, so another run (or a
 * new build's migrations) seeds afresh; folders of runners that have exited are removed.
 */
function runKey(): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat: the process's start time in clock ticks since boot.
    const stat = readFileSync(`/proc/${process.ppid}/stat`, "utf8");
    const startedAt = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return startedAt ? `${process.ppid}-${startedAt}` : undefined;
  } catch {
    return undefined; // No /proc: every spec seeds its own.
  }
}

const SEED_PREFIX = "referral-browser-seed-";

async function removeExitedRunsSeeds(keep: string): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    if (!name.startsWith(SEED_PREFIX) || name === keep) continue;
    const pid = Number(name.slice(SEED_PREFIX.length).split("-")[0]);
    if (Number.isInteger(pid) && existsSync(`/proc/${pid}`)) continue;
    await rm(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

async function seedInto(dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const seed = () => run(process.execPath, ["--import", "tsx", "backend/src/seed/cli.ts"], env);
  const key = runKey();
  if (!key) return seed();
  const name = `${SEED_PREFIX}${key}`;
  const shared = path.join(tmpdir(), name);
  if (!existsSync(shared)) {
    await removeExitedRunsSeeds(name);
    await seed();
    // Published whole or not at all: a folder that exists is a finished seed.
    const staging = `${shared}.${process.pid}`;
    await cp(dataDir, staging, { recursive: true });
    await rename(staging, shared).catch(() => rm(staging, { recursive: true, force: true }));
    return;
  }
  await cp(shared, dataDir, { recursive: true });
}

/**
 * The real server (backend/dist + the built apps) on a random port with a fresh data folder, seeded
 * with the demo accounts (client@demo.test, staff@demo.test, password demo-password-1).
 * Needs `npm run build` first (the web app in apps/web/dist, the backend in backend/dist).
 * `apiOnly`: the API from source (no build needed, no apps served). `prepare`: a script run after the seed.
 */
export async function startServer(
  options: { publicUrl?: boolean; apiOnly?: boolean; prepare?: string } = {},
): Promise<RunningServer> {
  for (const built of options.apiOnly ? [] : ["apps/web/dist/index.html", "backend/dist/server.js"]) {
    if (!existsSync(path.join(repoRoot, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "referral-browser-"));
  const port = await freePort();
  const { PUBLIC_URL: _shell, ...inherited } = process.env;
  const env = {
    ...inherited,
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    // Without it the server assumes http://localhost:PORT (links in mails); same-origin works on any host.
    ...(options.publicUrl === false ? {} : { PUBLIC_URL: `http://127.0.0.1:${port}` }),
    LOG_LEVEL: "warn",
    // Sign-ins from one test run come from one address; keep the auth limiter out of the way.
    RATE_LIMIT_AUTH_MAX: "1000",
    RATE_LIMIT_MAX: "100000",
    ...(options.apiOnly ? { SERVE_APPS: "false" } : {}),
  };
  if (!options.apiOnly) await seedInto(dataDir, env);
  // A script (repo-relative) that edits the seeded data before the server opens it.
  if (options.prepare) await run(process.execPath, ["--import", "tsx", options.prepare], env);
  const entry = options.apiOnly ? ["--import", "tsx", "backend/src/server.ts"] : ["backend/dist/server.js"];
  const child = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseURL}/health/ready`, child);
  return {
    baseURL,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
