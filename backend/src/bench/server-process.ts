import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BACKEND_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const REPO_ROOT = path.resolve(BACKEND_DIR, "..");

/**
 * The API's V8 heap as it is deployed (infrastructure: a 512 MiB container, three quarters of it for
 * the heap; the manifests test holds the deployments to it). Without a limit V8 sizes the heap from the
 * machine's memory and lets garbage grow far past the live set before a full collection.
 */
export const API_HEAP_MB = 384;
/** The queue worker's, likewise (a 384 MiB container). */
export const WORKER_HEAP_MB = 288;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface ServerCommand {
  command: string;
  args: string[];
  label: string;
  /** What answers 200 once it has started, on the port given in `portEnv` (the API: PORT, /health/ready). */
  ready?: { portEnv: string; path: string };
}

// One process (not the tsx CLI, which forks): its RSS is the server's.
const TSX_COMMAND: ServerCommand = {
  command: process.execPath,
  args: ["--import", "tsx", "src/server.ts"],
  label: "node --import tsx src/server.ts",
};

/** `npm run build -w @referral-app/backend`; the command to start the server (bundle, else tsx). */
export function serverCommand(build: boolean): ServerCommand {
  if (build) {
    const result = spawnSync("npm", ["run", "build", "-w", "@referral-app/backend"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (result.status !== 0) console.error("Build failed; falling back to tsx if there is no bundle.");
  }
  if (existsSync(path.join(BACKEND_DIR, "dist/server.js"))) {
    return { command: process.execPath, args: ["dist/server.js"], label: "node dist/server.js" };
  }
  return TSX_COMMAND;
}

function readKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`${field}:\\s+(\\d+) kB`));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU the process has used so far, in seconds (/proc/<pid>/stat, 100 ticks a second). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") ": utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** Highest resident set seen so far, in MB (VmHWM, or the 200 ms samples of VmRSS). */
  peakRssMb(): number;
  /** CPU seconds used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts the real server as a child process; a bundle that cannot start falls back to tsx. */
export async function startServer(
  env: Record<string, string>,
  build: boolean,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const command = serverCommand(build);
  // e.g. --cpu-prof: node flags go before the script.
  const preferred = nodeArgs.length > 0 ? { ...command, args: [...nodeArgs, ...command.args] } : command;
  try {
    return await spawnServer(env, preferred);
  } catch (error) {
    if (command === TSX_COMMAND) throw error;
    console.error(`${error instanceof Error ? error.message : error}\nRetrying with tsx.`);
    return spawnServer(env, { ...TSX_COMMAND, args: [...nodeArgs, ...TSX_COMMAND.args] });
  }
}

/**
 * The queue worker as deployed beside API instances (`ROLE=api`): its own process, ready once its
 * metrics server answers (it starts after the workers).
 */
export function startWorker(env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const bundled = existsSync(path.join(BACKEND_DIR, "dist/worker.js"));
  return spawnServer(env, {
    command: process.execPath,
    args: [...nodeArgs, ...(bundled ? ["dist/worker.js"] : ["--import", "tsx", "src/worker.ts"])],
    label: bundled ? "node dist/worker.js" : "node --import tsx src/worker.ts",
    ready: { portEnv: "WORKER_METRICS_PORT", path: "/metrics" },
  });
}

/** The bare Fastify + pg yardstick (reference-server.ts) on the same database, as its own process. */
export function startReferenceServer(env: Record<string, string>): Promise<RunningServer> {
  return spawnServer(env, {
    command: process.execPath,
    args: ["--import", "tsx", "src/bench/reference-server.ts"],
    label: "bare Fastify + pg (reference)",
  });
}

/** Spawns the server and waits until /health/ready answers. */
async function spawnServer(env: Record<string, string>, server: ServerCommand): Promise<RunningServer> {
  const port = await freePort();
  const { command, args, label, ready: readiness = { portEnv: "PORT", path: "/health/ready" } } = server;
  const url = `http://127.0.0.1:${port}`;
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) childEnv[key] = value;
  delete childEnv.DATABASE_URL;
  delete childEnv.DATA_DIR;
  Object.assign(childEnv, env, { [readiness.portEnv]: String(port), HOST: "127.0.0.1", PUBLIC_URL: url });
  const child = spawn(command, args, { cwd: BACKEND_DIR, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });

  let sampled = 0;
  const sampler = setInterval(() => {
    if (child.pid) sampled = Math.max(sampled, readKb(child.pid, "VmRSS"));
  }, 200);
  sampler.unref();

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) {
      clearInterval(sampler);
      throw new Error(`the server (${label}) exited during start-up:\n${output}`);
    }
    const ready = await fetch(`${url}${readiness.path}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become ready in 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.log(`Server: ${label} on ${url} (pid ${child.pid})`);

  return {
    url,
    child,
    cpuSeconds: () => (child.pid ? cpuSeconds(child.pid) : 0),
    peakRssMb: () => Math.round(Math.max(sampled, child.pid ? readKb(child.pid, "VmHWM") : 0) / 1024),
    stop: async () => {
      clearInterval(sampler);
      if (exited) return;
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await done;
      clearTimeout(timer);
    },
  };
}
