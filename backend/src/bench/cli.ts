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
import { formatGoals, formatRows, goalLines, type Measured, type Row } from "./goals.ts";
import {
  API_HEAP_MB,
  type RunningServer,
  startReferenceServer,
  startServer,
  startWorker,
  WORKER_HEAP_MB,
} from "./server-process.ts";

// `npm run bench [-- --only postgres,scale,embedded] [--duration 10] [--warmup 2] [--connections 16]
//   [--users 1000] [--referrals-per-user 50] [--cases-per-user 2] [--large-users 20000] [--reuse]
//   [--no-build] [--cpu-prof DIR] [--idle 60] [--heap 384] [--separate-worker]`: the real server on a seeded database under
// autocannon, beside a bare Fastify + pg yardstick on the same database, then issue 19's goals as ratios (goals.ts).
//   postgres  the yardstick's read and insert, the real routes, at users × referrals (50,000)
//   scale     the reads again on a kept database of large-users × referrals (1,000,000), seeded once
//   embedded  the idle CPU (--idle seconds), then the real routes on PGlite
//   idle      the idle CPU alone on PGlite (e.g. --only idle --idle 60)
// On PostgreSQL the server runs with the deployed API's heap limit (--heap MB, 0 for V8's default),
// serving and working the queue in one process, or --separate-worker: the API alone (ROLE=api) with a
// queue worker process beside it, as deployed (on this machine both then share the same cores); on
// PGlite as `npm start` runs it (the same heap limit).
// Fails only on errors, never on slow numbers (a reduced run for iterating: --duration 3 --warmup 1).

const BENCH_DATABASE = "referral_bench";
const LARGE_DATABASE = "referral_bench_large";
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: "postgres,scale,embedded" },
    embedded: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "16" },
    users: { type: "string", default: "1000" },
    "referrals-per-user": { type: "string", default: "50" },
    "cases-per-user": { type: "string", default: "2" },
    "large-users": { type: "string", default: "20000" },
    reuse: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    scenarios: { type: "string" },
    idle: { type: "string", default: "60" },
    heap: { type: "string", default: String(API_HEAP_MB) },
    "separate-worker": { type: "boolean", default: false },
  },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const users = Number(args.users);
const referralsPerUser = Number(args["referrals-per-user"]);
const casesPerUser = Number(args["cases-per-user"]);
const largeUsers = Number(args["large-users"]);
const apiHeapMb = Number(args.heap);
// --embedded is the older spelling of --only embedded.
const suites = new Set((args.embedded ? "embedded" : args.only).split(",").map((name) => name.trim()));

async function adminClient(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: DEFAULT_ADMIN_URL });
  await admin.connect();
  return admin;
}

function databaseUrl(name: string): string {
  const url = new URL(DEFAULT_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** DATABASE_URL when set; else a fresh `referral_bench` on the local PostgreSQL (kept with --reuse). */
async function prepareDatabase(
  embedded: boolean,
): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (embedded) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "referral-bench-"));
    return { env: { DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const configured = loadConfig().databaseUrl;
  if (configured) return { env: { DATABASE_URL: configured }, cleanup: async () => {} };
  const admin = await adminClient();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [BENCH_DATABASE]);
  if (!args.reuse || rowCount === 0) {
    await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  }
  await admin.end();
  return { env: { DATABASE_URL: databaseUrl(BENCH_DATABASE) }, cleanup: async () => {} };
}

/**
 * `referral_bench_large`, kept between runs: seeding a million referrals takes minutes on this machine.
 * Reseeded when it does not hold the expected count (a first run, a changed --large-users, a failed seed).
 */
async function prepareLargeDatabase(): Promise<{ env: Record<string, string>; seeded: boolean }> {
  const expected = largeUsers * referralsPerUser;
  const admin = await adminClient();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [LARGE_DATABASE]);
    if (rowCount) {
      const probe = new pg.Client({ connectionString: databaseUrl(LARGE_DATABASE) });
      await probe.connect();
      const count = await probe.query<{ n: string }>("select count(*) as n from referrals").then(
        (result) => Number(result.rows[0]?.n ?? 0),
        () => -1,
      );
      await probe.end();
      if (count >= expected && count < expected + 100_000) {
        return { env: { DATABASE_URL: databaseUrl(LARGE_DATABASE) }, seeded: false };
      }
    }
    await admin.query(`drop database if exists ${LARGE_DATABASE} with (force)`);
    await admin.query(`create database ${LARGE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return { env: { DATABASE_URL: databaseUrl(LARGE_DATABASE) }, seeded: true };
}

async function seed(env: Record<string, string>, seedUsers: number): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: "warn", DATA_DIR: "./data", ...env });
  const ctx = await createContext(config, { supervise: false });
  try {
    await runSeed(ctx, { users: seedUsers, referralsPerUser, casesPerUser });
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
  /** Absent for the yardstick (no auth). */
  token?: string;
  /** A fresh body per request (POST). */
  body?: () => string;
}

async function hit(server: RunningServer, scenario: Scenario, seconds: number): Promise<autocannon.Result> {
  const { body } = scenario;
  return autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers: {
      ...(scenario.token ? { authorization: `Bearer ${scenario.token}` } : {}),
      "content-type": "application/json",
    },
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        ...(body ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: body() }) } : {}),
      },
    ],
  });
}

const YARDSTICK_FOR: Record<string, string[]> = {
  "reference read": ["profile", "referrals", "stats"],
  "reference insert": ["create"],
};
// --scenarios profile,create: only these (and their yardsticks), e.g. to profile one route.
const picked = args.scenarios ? new Set(args.scenarios.split(",").map((name) => name.trim())) : undefined;

async function run(server: RunningServer, scenario: Scenario): Promise<Row | undefined> {
  if (
    picked &&
    !picked.has(scenario.name) &&
    !YARDSTICK_FOR[scenario.name]?.some((name) => picked.has(name))
  ) {
    return;
  }
  if (warmup > 0) await hit(server, scenario, warmup);
  const result = await hit(server, scenario, duration);
  const row: Row = {
    endpoint: scenario.token
      ? `${scenario.method} ${scenario.path}`
      : `bare ${scenario.method} ${scenario.path}`,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  console.log(`  ${scenario.name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms`);
  return row;
}

const SERVER_ENV = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  RATE_LIMIT_MAX: "100000000",
  RATE_LIMIT_AUTH_MAX: "1000",
  SERVE_APPS: "false",
};

let built = false;
/** The real server (built once per run), with a loopback SMTP server that drops its mail. */
interface ServerShape {
  /** V8's heap limit in MB (0: V8's default). */
  heapMb: number;
  /** The API alone (ROLE=api), the queue worker in its own process. */
  separateWorker: boolean;
}

/** The PostgreSQL server: the deployed API's heap, the worker in it or beside it (infrastructure/). */
const onPostgres = (): ServerShape => ({ heapMb: apiHeapMb, separateWorker: args["separate-worker"] });
/** The embedded server as `npm start` runs it: one process, the API's heap (backend/package.json). */
const AS_NPM_START: ServerShape = { heapMb: API_HEAP_MB, separateWorker: false };

const shapeLabel = ({ heapMb, separateWorker }: ServerShape) =>
  [
    separateWorker ? "API (ROLE=api) beside a worker process" : "one process (API and worker)",
    heapMb > 0 ? `API heap ${heapMb} MB` : "V8's default heap",
  ].join(", ");

async function withServer<T>(
  env: Record<string, string>,
  body: (server: RunningServer) => Promise<T>,
  shape: ServerShape,
): Promise<{ result: T; peakRssMb: number; workerPeakRssMb?: number }> {
  // Production requires SMTP.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData: (stream, _session, done) => stream.resume().on("end", () => done()),
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  let server: RunningServer | undefined;
  let worker: RunningServer | undefined;
  try {
    const profileDir = args["cpu-prof"];
    const serverEnv = {
      ...env,
      ...SERVER_ENV,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      AUTH_SECRET: randomBytes(32).toString("hex"),
    };
    server = await startServer(
      { ...serverEnv, ...(shape.separateWorker ? { ROLE: "api" } : {}) },
      !args["no-build"] && !built,
      [
        ...(shape.heapMb > 0 ? [`--max-old-space-size=${shape.heapMb}`] : []),
        ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : []),
      ],
    );
    built = true;
    if (shape.separateWorker) {
      worker = await startWorker(
        serverEnv,
        shape.heapMb > 0 ? [`--max-old-space-size=${WORKER_HEAP_MB}`] : [],
      );
    }
    const result = await body(server);
    return { result, peakRssMb: server.peakRssMb(), workerPeakRssMb: worker?.peakRssMb() };
  } finally {
    await worker?.stop();
    await server?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}

interface Tokens {
  client: string;
  clientId: string;
  staff: string;
}

async function signInBoth(server: RunningServer): Promise<Tokens> {
  const client = await signIn(server, bulkEmail(1));
  const staff = await signIn(server, "staff@demo.test");
  const response = await fetch(`${server.url}/api/users/me/profile`, {
    headers: { authorization: `Bearer ${client}` },
  });
  const body = (await response.json()) as { id?: string; data?: { id: string } };
  const clientId = body.data?.id ?? body.id;
  if (!clientId) throw new Error(`no profile for the bench client: ${response.status}`);
  return { client, clientId, staff };
}

function readScenarios(tokens: Tokens): Scenario[] {
  return [
    { name: "profile", method: "GET", path: "/api/users/me/profile", token: tokens.client },
    {
      name: "referrals",
      method: "GET",
      path: "/api/users/me/referrals?page=1&limit=20",
      token: tokens.client,
    },
    { name: "stats", method: "GET", path: "/api/users/me/referral-stats", token: tokens.client },
    { name: "admin list", method: "GET", path: "/api/admin/referrals?limit=50", token: tokens.staff },
  ];
}

const runId = Date.now().toString(36);
let sequence = 0;
function createScenario(token: string): Scenario {
  return {
    name: "create",
    method: "POST",
    path: "/api/referrals",
    token,
    body: () => {
      sequence += 1;
      return JSON.stringify({ fullName: "Bench Friend", email: `bench-${runId}-${sequence}@example.com` });
    },
  };
}

/** Every scenario on the real server; with a yardstick, its read before the reads and its insert before POST. */
async function measureAll(
  server: RunningServer,
  reference: RunningServer | undefined,
): Promise<Map<string, Row>> {
  const tokens = await signInBoth(server);
  const caseId = await firstCaseId(server, tokens.client);
  const rows = new Map<string, Row>();
  const [profile, referralsPage, stats, adminList] = readScenarios(tokens);
  const order: [RunningServer | undefined, Scenario][] = [
    [reference, { name: "reference read", method: "GET", path: `/user/${tokens.clientId}` }],
    [server, profile!],
    [server, referralsPage!],
    [server, stats!],
    [
      reference,
      {
        name: "reference insert",
        method: "POST",
        path: "/insert",
        body: () => JSON.stringify({ payload: `bench-${runId}-${Math.random()}` }),
      },
    ],
    [server, createScenario(tokens.client)],
    [server, adminList!],
    [server, { name: "case", method: "GET", path: `/api/cases/${caseId}`, token: tokens.client }],
    [server, { name: "staff cases", method: "GET", path: "/api/admin/cases?limit=50", token: tokens.staff }],
    ...(await messageScenarios(server, tokens, caseId)),
  ];
  for (const [target, scenario] of order) {
    const row = target ? await run(target, scenario) : undefined;
    if (row) rows.set(scenario.name, row);
  }
  return rows;
}

/** The messages page, the conversation list and a send, on a seeded thread (skipped unless picked). */
async function messageScenarios(
  server: RunningServer,
  tokens: Tokens,
  caseId: string,
): Promise<[RunningServer, Scenario][]> {
  const names = ["messages page", "conversations list", "send message"];
  if (picked && !names.some((name) => picked.has(name))) return [];
  const conversationId = await benchConversation(server, tokens.client, tokens.staff, caseId);
  const page = `/api/conversations/${conversationId}/messages?limit=50`;
  return [
    [server, { name: "messages page", method: "GET", path: page, token: tokens.client }],
    [
      server,
      {
        name: "conversations list",
        method: "GET",
        path: "/api/conversations?limit=20",
        token: tokens.client,
      },
    ],
    [
      server,
      {
        name: "send message",
        method: "POST",
        path: `/api/conversations/${conversationId}/messages`,
        token: tokens.client,
        body: () => {
          sequence += 1;
          return JSON.stringify({ body: `Bench send ${runId}-${sequence}: is there news on my case?` });
        },
      },
    ],
  ];
}

async function postgresSuite(measured: Measured): Promise<void> {
  const database = await prepareDatabase(false);
  console.log(
    `Seeding ${users} clients × ${referralsPerUser} referrals and ${casesPerUser} cases (PostgreSQL)…`,
  );
  await seed(database.env, users);
  measured.smallReferrals = users * referralsPerUser;
  const reference = await startReferenceServer({ ...database.env, DATABASE_POOL_MAX: "10" });
  try {
    const { result, peakRssMb, workerPeakRssMb } = await withServer(
      database.env,
      (server) => measureAll(server, reference),
      onPostgres(),
    );
    measured.postgres = result;
    measured.rss.postgres = peakRssMb;
    measured.rss.worker = workerPeakRssMb;
  } finally {
    await reference.stop();
    await database.cleanup();
  }
  console.log(
    `\nPostgreSQL, ${users} clients × ${referralsPerUser} referrals, ${connections} connections, ${duration} s after ${warmup} s warm-up, ${shapeLabel(onPostgres())}`,
  );
  console.log(formatRows([...measured.postgres.values()]));
}

async function scaleSuite(measured: Measured): Promise<void> {
  const large = await prepareLargeDatabase();
  if (large.seeded) {
    console.log(
      `Seeding ${largeUsers} clients × ${referralsPerUser} referrals once (kept as ${LARGE_DATABASE})…`,
    );
    await seed(large.env, largeUsers);
  }
  measured.largeReferrals = largeUsers * referralsPerUser;
  const { result } = await withServer(
    large.env,
    async (server) => {
      const tokens = await signInBoth(server);
      const [, referralsPage, stats, adminList] = readScenarios(tokens);
      const rows = new Map<string, Row>();
      for (const scenario of [referralsPage!, stats!, adminList!]) {
        const row = await run(server, scenario);
        if (row) rows.set(scenario.name, row);
      }
      return rows;
    },
    onPostgres(),
  );
  measured.large = result;
  console.log(`\nPostgreSQL, ${largeUsers} clients × ${referralsPerUser} referrals (scale)`);
  console.log(formatRows([...result.values()]));
}

/**
 * Share of one core the server uses while nobody calls it, over two windows of --idle seconds from 5 s
 * after it answers: the first holds start-up's one-off work (pg-boss's first maintenance pass over
 * every queue about 60 s after start, V8's first idle GC, recurring jobs catching up); the second is
 * the server at rest, which the goal is about.
 */
async function idleCpu(server: RunningServer): Promise<Measured["idle"]> {
  const seconds = Number(args.idle);
  if (!(seconds > 0)) return undefined;
  console.log(`Idle: measuring the server's CPU over two windows of ${seconds} s…`);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const windows: number[] = [];
  for (const _ of [1, 2]) {
    const before = server.cpuSeconds();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    windows.push(((server.cpuSeconds() - before) / seconds) * 100);
  }
  const [afterStart = 0, atRest = 0] = windows;
  console.log(
    `  idle: ${atRest.toFixed(2)} % of a core at rest (first ${seconds} s after start: ${afterStart.toFixed(2)} %)`,
  );
  return { afterStart, atRest };
}

/** PGlite: idle CPU, then every route (`--only idle`: the idle CPU alone). */
async function embeddedSuite(measured: Measured, routes: boolean): Promise<void> {
  const database = await prepareDatabase(true);
  try {
    console.log(
      `Seeding ${users} clients × ${referralsPerUser} referrals and ${casesPerUser} cases (PGlite)…`,
    );
    await seed(database.env, users);
    const { result, peakRssMb } = await withServer(
      database.env,
      async (server) => {
        measured.idle = await idleCpu(server);
        return routes ? measureAll(server, undefined) : new Map<string, Row>();
      },
      AS_NPM_START,
    );
    measured.embedded = result;
    measured.rss.embedded = peakRssMb;
  } finally {
    await database.cleanup();
  }
  if (!routes) return;
  console.log(`\nEmbedded (PGlite), ${users} clients × ${referralsPerUser} referrals`);
  console.log(formatRows([...measured.embedded.values()]));
}

async function main(): Promise<number> {
  const measured: Measured = { postgres: new Map(), large: new Map(), embedded: new Map(), rss: {} };
  if (suites.has("postgres")) await postgresSuite(measured);
  if (suites.has("scale")) await scaleSuite(measured);
  if (suites.has("embedded")) await embeddedSuite(measured, true);
  else if (suites.has("idle")) await embeddedSuite(measured, false);
  console.log(
    `\nGoals (issue 19), ${connections} connections, ${duration} s per scenario after ${warmup} s warm-up, ${os.cpus().length} cores shared with whatever else runs`,
  );
  console.log(formatGoals(goalLines(measured)));
  const all = [...measured.postgres.values(), ...measured.large.values(), ...measured.embedded.values()];
  return all.some((row) => row.errors > 0 || row.non2xx > 0) ? 1 : 0;
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
