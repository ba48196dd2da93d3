import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type SmtpSink, startSmtpSink } from "./smtp-sink.ts";

// The system under test on loopback: a fresh PostgreSQL database, API ×2 (ROLE=api), one worker and
// the nginx gateway rendered by infrastructure/nginx/render-config.ts.

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BACKEND = path.join(ROOT, "backend");
const ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const NGINX = "/usr/sbin/nginx";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds backend/dist when it is missing or older than the sources. */
export function buildIfNeeded(log: (line: string) => void): void {
  const entry = path.join(BACKEND, "dist", "server.js");
  const sources = Math.max(
    newestMtime(path.join(BACKEND, "src")),
    newestMtime(path.join(ROOT, "packages/shared/src")),
  );
  if (existsSync(entry) && statSync(entry).mtimeMs >= sources) return;
  log("building the backend (backend/dist is missing or stale)");
  execFileSync("npm", ["run", "build", "-w", "@referral-app/backend"], { cwd: ROOT, stdio: "ignore" });
}

export async function adminQuery<T extends pg.QueryResultRow>(
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export class Stack {
  readonly database = `referral_load_${process.pid}_${Date.now().toString(36)}`;
  readonly databaseUrl = `postgres://postgres@127.0.0.1:5432/${this.database}`;
  readonly processes = new Map<string, ManagedProcess>();
  apiPorts: number[] = [];
  gatewayPort = 0;
  workerMetricsPort = 0;
  private smtp: SmtpSink | undefined;
  private nginxConf: string | undefined;
  private pool: pg.Pool | undefined;

  /** E-mails the SMTP sink received again under a Message-ID it already kept. */
  mailResends(): number {
    return this.smtp?.resends() ?? 0;
  }

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(path.join(dir, "logs"), { recursive: true });
  }

  get gateway(): URL {
    return new URL(`http://127.0.0.1:${this.gatewayPort}`);
  }

  /** A small pool on the bench database for checks (not the API's). */
  db(): pg.Pool {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.databaseUrl, max: 6, application_name: "load-suite" });
      this.pool.on("error", () => {});
    }
    return this.pool;
  }

  async createDatabase(): Promise<void> {
    await adminQuery(`create database ${this.database}`);
    this.run("migrate", ["node", path.join(BACKEND, "dist/migrate-cli.js")]);
  }

  /** `npm run seed` (bulk clients with referrals) on the bench database. */
  seed(users: number, referralsPerUser: number): void {
    this.run("seed", [
      "npm",
      "run",
      "seed",
      "-w",
      "@referral-app/backend",
      "--",
      "--users",
      String(users),
      "--referrals-per-user",
      String(referralsPerUser),
    ]);
  }

  private run(name: string, command: string[]): void {
    const out = openSync(path.join(this.dir, "logs", `${name}.log`), "a");
    execFileSync(command[0]!, command.slice(1), { cwd: ROOT, env: this.env(), stdio: ["ignore", out, out] });
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PUBLIC_URL: `http://127.0.0.1:${this.gatewayPort || 8080}`,
      AUTH_SECRET: "load-suite-secret-0123456789abcdef0123456789",
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_MAX: "10",
      ...(this.smtp ? { SMTP_URL: `smtp://127.0.0.1:${this.smtp.port}` } : {}),
      REDIS_URL: "redis://127.0.0.1:6379",
      TRUST_PROXY: "loopback",
      SERVE_APPS: "false",
      LOG_LEVEL: "warn",
      // The gateway's per-IP limits stay on (the generator is exempt); per-user API limits would
      // throttle the synthetic users, who each send far more than a person.
      RATE_LIMIT_MAX: "1000000",
      RATE_LIMIT_AUTH_MAX: "1000000",
      ...extra,
    };
  }

  async allocatePorts(): Promise<void> {
    this.apiPorts = [await freePort(), await freePort()];
    this.gatewayPort = await freePort();
    this.workerMetricsPort = await freePort();
    this.smtp = await startSmtpSink(() => this.db());
  }

  private spawnProcess(name: string, script: string, env: NodeJS.ProcessEnv): ManagedProcess {
    const out = openSync(path.join(this.dir, "logs", `${name}.log`), "a");
    const child = spawn(process.execPath, ["--enable-source-maps", path.join(BACKEND, "dist", script)], {
      cwd: ROOT,
      env,
      stdio: ["ignore", out, out],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const managed = { name, child, exited };
    this.processes.set(name, managed);
    return managed;
  }

  async startApi(index: number): Promise<void> {
    const port = this.apiPorts[index]!;
    this.spawnProcess(
      `api${index + 1}`,
      "server.js",
      this.env({ ROLE: "api", PORT: String(port), HOST: "127.0.0.1" }),
    );
    await this.waitForHttp(`http://127.0.0.1:${port}/health/ready`, `api${index + 1}`);
  }

  async startWorker(): Promise<void> {
    this.spawnProcess(
      "worker",
      "worker.js",
      this.env({ WORKER_METRICS_PORT: String(this.workerMetricsPort) }),
    );
    await this.waitForHttp(`http://127.0.0.1:${this.workerMetricsPort}/metrics`, "worker");
  }

  async startGateway(): Promise<void> {
    const out = path.join(this.dir, "nginx");
    const rendered = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "infrastructure/nginx/render-config.ts"),
        "--out",
        out,
        "--upstream",
        this.apiPorts.map((port) => `127.0.0.1:${port}`).join(","),
        "--listen",
        `127.0.0.1:${this.gatewayPort}`,
        "--exempt",
        "127.0.0.1/32",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    this.nginxConf = rendered.trim();
    execFileSync(NGINX, ["-p", out, "-c", this.nginxConf], { stdio: "ignore" });
    await this.waitForHttp(`http://127.0.0.1:${this.gatewayPort}/health/ready`, "gateway");
  }

  /** Ends a process abruptly (a crash, an OOM kill, a lost node). */
  async crash(name: string): Promise<void> {
    const managed = this.processes.get(name);
    if (!managed) return;
    managed.child.kill("SIGKILL");
    await managed.exited;
    this.processes.delete(name);
  }

  async waitForHttp(url: string, name: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {}
      const managed = this.processes.get(name);
      if (managed && managed.child.exitCode !== null) {
        throw new Error(
          `${name} exited with ${managed.child.exitCode}; see ${path.join(this.dir, "logs", `${name}.log`)}`,
        );
      }
      if (Date.now() > deadline) throw new Error(`${name} did not become ready at ${url}`);
      await sleep(200);
    }
  }

  async cleanup(): Promise<void> {
    for (const managed of this.processes.values()) managed.child.kill("SIGKILL");
    await Promise.all([...this.processes.values()].map((managed) => managed.exited));
    this.processes.clear();
    if (this.nginxConf) {
      try {
        execFileSync(NGINX, ["-p", path.join(this.dir, "nginx"), "-c", this.nginxConf, "-s", "stop"], {
          stdio: "ignore",
        });
      } catch {}
    }
    await this.smtp?.close();
    await this.pool?.end().catch(() => {});
    await adminQuery(`drop database if exists ${this.database} with (force)`).catch((error: unknown) =>
      this.log(`could not drop ${this.database}: ${String(error)}`),
    );
  }
}
