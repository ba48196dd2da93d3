import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { closeContext, createContext } from "../bootstrap.ts";
import { loadConfig } from "../config.ts";
import { bulkEmail } from "../seed/bulk.ts";
import { DEMO_PASSWORD } from "../seed/demo.ts";
import { runSeed } from "../seed/run-seed.ts";
import { type RunningServer, startServer } from "./server-process.ts";

// `npm run bench [-- --embedded] [--duration 10] [--connections 16] [--users 1000]
//   [--referrals-per-user 50] [--cases-per-user 2] [--reuse] [--no-build] [--only a,b]` (100,000 cases for the staff
//   list: `--users 50000 --cases-per-user 2`): the real server on a seeded database under
// autocannon. Prints figures; fails only on errors, never on slow numbers.

const BENCH_DATABASE = "referral_bench";
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

const { values: args } = parseArgs({
  options: {
    embedded: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    users: { type: "string", default: "1000" },
    "referrals-per-user": { type: "string", default: "50" },
    "cases-per-user": { type: "string", default: "2" },
    reuse: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    /** Comma-separated scenario names to run (all by default), e.g. `--only "messages page,send message"`. */
    only: { type: "string" },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const users = Number(args.users);
const referralsPerUser = Number(args["referrals-per-user"]);
const casesPerUser = Number(args["cases-per-user"]);

/** DATABASE_URL when set; else a fresh `referral_bench` on the local PostgreSQL (kept with --reuse). */
async function prepareDatabase(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (args.embedded) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "referral-bench-"));
    return { env: { DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const configured = loadConfig().databaseUrl;
  if (configured) return { env: { DATABASE_URL: configured }, cleanup: async () => {} };
  const admin = new pg.Client({ connectionString: DEFAULT_ADMIN_URL });
  await admin.connect();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]);
  if (!args.reuse || rowCount === 0) {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  }
  await admin.end();
  const url = new URL(DEFAULT_ADMIN_URL);
  url.pathname = `/${BENCH_DATABASE}`;
  return { env: { DATABASE_URL: url.toString() }, cleanup: async () => {} };
}

async function seed(env: Record<string, string>): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "warn", DATA_DIR: "./data", ...env });
  const ctx = await createContext(config, { supervise: false });
  try {
    await runSeed(ctx, { users, referralsPerUser, casesPerUser });
  } finally {
    await closeContext(ctx);
  }
}

async function signIn(server: RunningServer, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: "POST",
    // better-auth checks the Origin of browser-style sign-ins in production.
    headers: { "content-type": "application/json", origin: server.url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** The client's newest case, for the case-page scenario. */
async function firstCaseId(server: RunningServer, token: string): Promise<string> {
  const response = await fetch(`${server.url}/api/users/me/cases`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { data: { id: string }[] };
  if (!response.ok || !body.data[0]) throw new Error(`no case for the bench client: ${response.status}`);
  return body.data[0].id;
}

const THREAD_MESSAGES = 200;

/**
 * The client's consultation on their case with THREAD_MESSAGES messages (both sides), for the
 * message-page and send scenarios.
 */
async function benchConversation(server: RunningServer, client: string, staff: string, caseId: string) {
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const opened = await call(client, "POST", "/api/conversations", { type: "consultation", caseId });
  if (!opened.ok) throw new Error(`opening the bench conversation failed: ${opened.status}`);
  const { id } = ((await opened.json()) as { data: { id: string } }).data;
  const joined = await call(staff, "POST", `/api/conversations/${id}/join`);
  if (!joined.ok) throw new Error(`staff joining the bench conversation failed: ${joined.status}`);
  for (let index = 0; index < THREAD_MESSAGES; index++) {
    const token = index % 2 === 0 ? client : staff;
    const sent = await call(token, "POST", `/api/conversations/${id}/messages`, {
      body: `Bench message ${index}: the documents for the next stage, and a link https://example.com/${index}`,
    });
    if (!sent.ok) throw new Error(`seeding the bench conversation failed: ${sent.status}`);
  }
  return id;
}

interface Scenario {
  name: string;
  method: "GET" | "POST";
  path: string;
  token: string;
  /** A fresh body per request (POST). */
  body?: () => string;
}

interface Row {
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function hit(server: RunningServer, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  const { body } = scenario;
  return autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${scenario.token}`, "content-type": "application/json" },
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        ...(body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) } : {}),
      },
    ],
  });
}

async function run(server: RunningServer, scenario: Scenario): Promise<Row> {
  if (warmup > 0) await hit(server, scenario, warmup);
  const result = await hit(server, scenario, duration);
  return {
    endpoint: `${scenario.method} ${scenario.path}`,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function printTable(rows: Row[], header: string, peakRssMb: number): void {
  const cells = [
    ["endpoint", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx"],
    ...rows.map((row) => [row.endpoint, row.rps, row.p50, row.p99, row.errors, row.non2xx].map(String)),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => line[column]!.length)));
  const format = (line: string[]) =>
    line
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ");
  console.log(`\n${header}`);
  console.log(format(cells[0]!));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const line of cells.slice(1)) console.log(format(line));
  console.log(`server peak RSS: ${peakRssMb} MB\n`);
}

async function main(): Promise<number> {
  const database = await prepareDatabase();
  let server: RunningServer | undefined;
  let smtp: SMTPServer | undefined;
  try {
    console.log(
      `Seeding ${users} clients × ${referralsPerUser} referrals and ${casesPerUser} cases (${args.embedded ? "PGlite" : "PostgreSQL"})…`,
    );
    await seed(database.env);
    // Production requires SMTP: a loopback server takes the benchmark's mail and drops it.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, _session, done) => stream.resume().on("end", () => done()),
    });
    await new Promise<void>((resolve) => smtp!.listen(0, "127.0.0.1", resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startServer(
      {
        ...database.env,
        NODE_ENV: "production",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        LOG_LEVEL: "warn",
        AUTH_SECRET: randomBytes(32).toString("hex"),
        RATE_LIMIT_MAX: "100000000",
        RATE_LIMIT_AUTH_MAX: "1000",
        SERVE_APPS: "false",
      },
      !args["no-build"],
    );
    const client = await signIn(server, bulkEmail(1));
    const staff = await signIn(server, "staff@demo.test");
    const caseId = await firstCaseId(server, client);
    const run_id = Date.now().toString(36);
    let sequence = 0;
    const only = args.only?.split(",").map((name) => name.trim());
    const wantsMessages = !only || only.some((name) => name.includes("message"));
    const conversationId = wantsMessages ? await benchConversation(server, client, staff, caseId) : "";
    const allScenarios: Scenario[] = [
      { name: "profile", method: "GET", path: "/api/users/me/profile", token: client },
      { name: "referrals", method: "GET", path: "/api/users/me/referrals?page=1&limit=20", token: client },
      { name: "stats", method: "GET", path: "/api/users/me/referral-stats", token: client },
      {
        name: "create",
        method: "POST",
        path: "/api/referrals",
        token: client,
        body: () => {
          sequence += 1;
          return JSON.stringify({
            fullName: "Bench Friend",
            email: `bench-${run_id}-${sequence}@example.com`,
          });
        },
      },
      { name: "admin list", method: "GET", path: "/api/admin/referrals?limit=50", token: staff },
      { name: "case", method: "GET", path: `/api/cases/${caseId}`, token: client },
      { name: "staff cases", method: "GET", path: "/api/admin/cases?limit=50", token: staff },
      {
        name: "messages page",
        method: "GET",
        path: `/api/conversations/${conversationId}/messages?limit=50`,
        token: client,
      },
      { name: "conversations list", method: "GET", path: "/api/conversations?limit=20", token: client },
      {
        name: "send message",
        method: "POST",
        path: `/api/conversations/${conversationId}/messages`,
        token: client,
        body: () => {
          sequence += 1;
          return JSON.stringify({ body: `Bench send ${run_id}-${sequence}: is there news on my case?` });
        },
      },
    ];
    const scenarios = only ? allScenarios.filter((scenario) => only.includes(scenario.name)) : allScenarios;
    const rows: Row[] = [];
    for (const scenario of scenarios) {
      rows.push(await run(server, scenario));
      console.log(`  ${scenario.name}: ${rows.at(-1)!.rps} req/s`);
    }
    printTable(
      rows,
      `${args.embedded ? "Embedded (PGlite)" : "PostgreSQL"}, ${users} clients × ${referralsPerUser} referrals and ${casesPerUser} cases, ${connections} connections, ${duration} s each after ${warmup} s warm-up`,
      server.peakRssMb(),
    );
    return rows.some((row) => row.errors > 0 || row.non2xx > 0) ? 1 : 0;
  } finally {
    await server?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await database.cleanup();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
