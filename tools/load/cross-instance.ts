import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Stack, sleep } from "./stack.ts";

// "cross-instance via gateway": runs before the load, on an idle stack, so it is quick and
// deterministic. Two checks that only hold when nothing that matters lives in one API process:
// 1. a client's SSE stream opened THROUGH THE GATEWAY receives status changes raised by staff
//    directly on api1 and on api2 (one of the two is necessarily not the instance holding the stream);
// 2. a session created directly on api1 works through the gateway on both upstreams, and a sign-out
//    directly on api2 makes it answer 401 through the gateway at once (not after the cache TTL).

export interface CheckRow {
  check: string;
  result: "pass" | "FAIL";
  detail: string;
}

const PASSWORD = "cross-instance-password-1";
const EVENT_TIMEOUT_MS = 8_000;
const LOG_TIMEOUT_MS = 3_000;
const SESSION_REQUESTS = 20;
const REVOKED_REQUESTS = 10;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

interface NotificationEvent {
  notification: { title: string; data?: { referralId?: string; status?: string } };
}

interface SseMessage {
  event: string;
  data: unknown;
  at: number;
}

async function call(
  base: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; origin?: string; requestId?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers.origin = options.origin;
  if (options.requestId) headers["x-request-id"] = options.requestId;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${base}${route}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
  return answer;
}

/** An SSE stream read with fetch streaming; messages are collected as they arrive. */
async function openStream(url: string, token: string) {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
  const messages: SseMessage[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended: string | undefined;
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = block.match(/^event: (.*)$/m)?.[1];
          const data = block.match(/^data: (.*)$/m)?.[1];
          if (event && data) messages.push({ event, data: JSON.parse(data), at: Date.now() });
        }
      }
      ended = "the stream ended";
    } catch (error) {
      ended = abort.signal.aborted ? "closed" : `the stream failed: ${String(error)}`;
    }
  })();
  const waitFor = async (match: (message: SseMessage) => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      if (ended) throw new Error(ended);
      if (Date.now() > deadline) return undefined;
      await sleep(20);
    }
  };
  return { waitFor, close: () => abort.abort() };
}

/** Which API instance holds the open stream, from each instance's `sse_connections` gauge. */
async function streamHolder(apis: string[]): Promise<string> {
  const holders: string[] = [];
  for (const [index, base] of apis.entries()) {
    const text = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(5_000) })
      .then((response) => response.text())
      .catch(() => "");
    const count = Number(text.match(/^sse_connections (\d+)/m)?.[1] ?? 0);
    if (count > 0) holders.push(`api${index + 1}`);
  }
  return holders.join("+") || "unknown";
}

/** Upstream address of each request id, from the gateway's access log (`request_id=… upstream=…`). */
async function upstreamsOf(stack: Stack, requestIds: string[]): Promise<Map<string, string>> {
  const file = path.join(stack.dir, "nginx", "logs", "access.log");
  const wanted = new Set(requestIds);
  const found = new Map<string, string>();
  const deadline = Date.now() + LOG_TIMEOUT_MS;
  // nginx writes the line once the response is sent: allow it a moment.
  while (found.size < wanted.size && Date.now() < deadline) {
    const log = await readFile(file, "utf8").catch(() => "");
    for (const match of log.matchAll(/request_id=(\S+) upstream=(\S+)/g)) {
      if (wanted.has(match[1]!)) found.set(match[1]!, match[2]!);
    }
    if (found.size < wanted.size) await sleep(100);
  }
  return found;
}

function instanceName(stack: Stack, upstream: string): string {
  const index = stack.apiPorts.findIndex((port) => upstream === `127.0.0.1:${port}`);
  return index >= 0 ? `api${index + 1}` : upstream;
}

/** Counts answers per API instance for the given request ids (from the access log). */
async function servedBy(stack: Stack, requestIds: string[]): Promise<Map<string, number>> {
  const upstreams = await upstreamsOf(stack, requestIds);
  const counts = new Map<string, number>();
  for (const id of requestIds) {
    const name = upstreams.has(id) ? instanceName(stack, upstreams.get(id)!) : "not logged";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const describeCounts = (counts: Map<string, number>) =>
  [...counts].map(([name, count]) => `${name} ×${count}`).join(", ");

/** Pushes one row per check into `rows` (kept when a later step throws). */
export async function crossInstanceChecks(stack: Stack, runId: string, rows: CheckRow[]): Promise<void> {
  const row = (check: string, ok: boolean, detail: string) =>
    rows.push({ check, result: ok ? "pass" : "FAIL", detail });
  const gateway = `http://127.0.0.1:${stack.gatewayPort}`;
  const origin = gateway;
  const apis = stack.apiPorts.map((port) => `http://127.0.0.1:${port}`);
  const [apiA, apiB] = [apis[0]!, apis[1]!];

  const signUp = async (base: string, email: string, name: string) =>
    expectStatus(
      await call(base, "POST", "/api/auth/sign-up/email", {
        origin,
        body: { name, email, password: PASSWORD },
      }),
      200,
      `sign-up ${email}`,
    ).body as { user: { id: string } };
  const signIn = async (base: string, email: string) =>
    (
      expectStatus(
        await call(base, "POST", "/api/auth/sign-in/email", { origin, body: { email, password: PASSWORD } }),
        200,
        `sign-in ${email}`,
      ).body as { token: string }
    ).token;

  // Setup: a client (through the gateway) with two referrals; a staff member signed in on each API.
  const clientEmail = `xi-client-${runId}@load.test`;
  const staffEmail = `xi-staff-${runId}@load.test`;
  const [, staffUser] = await Promise.all([
    signUp(gateway, clientEmail, "Cross Instance Client"),
    signUp(apiA, staffEmail, "Cross Instance Staff"),
  ]);
  await stack.db().query(`update users set role = 'staff' where id = $1`, [staffUser.user.id]);
  const [clientToken, staffOnA, staffOnB] = await Promise.all([
    signIn(gateway, clientEmail),
    signIn(apiA, staffEmail),
    signIn(apiB, staffEmail),
  ]);
  const referralIds: string[] = [];
  for (const n of [1, 2]) {
    const created = expectStatus(
      await call(gateway, "POST", "/api/referrals", {
        token: clientToken,
        body: { fullName: `Cross Friend ${n}`, email: `xi-friend-${runId}-${n}@example.com` },
      }),
      201,
      "submit a referral",
    );
    referralIds.push((created.body as { data: { id: string } }).data.id);
  }

  // 1. Live notifications: stream through the gateway, changes raised directly on each instance.
  const stream = await openStream(`${gateway}/api/notifications/stream`, clientToken);
  try {
    const greeted = await stream.waitFor((message) => message.event === "unread-count", EVENT_TIMEOUT_MS);
    if (!greeted) throw new Error("the gateway stream sent no unread-count");
    const holder = await streamHolder(apis);
    const changes = [
      { on: "api1", base: apiA, token: staffOnA, referralId: referralIds[0]! },
      { on: "api2", base: apiB, token: staffOnB, referralId: referralIds[1]! },
    ];
    for (const change of changes) {
      const raisedAt = Date.now();
      expectStatus(
        await call(change.base, "PATCH", `/api/admin/referrals/${change.referralId}/status`, {
          token: change.token,
          body: { status: "contacted", notes: "cross-instance check" },
        }),
        200,
        `status change on ${change.on}`,
      );
      const arrived = await stream.waitFor((message) => {
        const data = (message.data as NotificationEvent).notification?.data;
        return (
          message.event === "notification" &&
          data?.referralId === change.referralId &&
          data.status === "contacted"
        );
      }, EVENT_TIMEOUT_MS);
      const where = holder === change.on ? "same instance" : "OTHER instance";
      row(
        `live: change on ${change.on} → stream via gateway (held by ${holder})`,
        arrived !== undefined,
        arrived
          ? `event: notification after ${arrived.at - raisedAt} ms (${where})`
          : `no event within ${EVENT_TIMEOUT_MS / 1000} s (${where})`,
      );
    }
  } finally {
    stream.close();
  }

  // 2. Sessions: signed in on api1, used through the gateway, signed out on api2.
  const sessionToken = await signIn(apiA, clientEmail);
  const okIds = Array.from({ length: SESSION_REQUESTS }, (_, i) => `xi-${runId}-ok-${i}`);
  const okStatuses: number[] = [];
  for (const requestId of okIds) {
    okStatuses.push(
      (await call(gateway, "GET", "/api/users/me/profile", { token: sessionToken, requestId })).status,
    );
  }
  const okServed = await servedBy(stack, okIds);
  const all200 = okStatuses.every((status) => status === 200);
  const bothUpstreams = (okServed.get("api1") ?? 0) > 0 && (okServed.get("api2") ?? 0) > 0;
  row(
    "session: signed in on api1, used via gateway",
    all200 && bothUpstreams,
    `${okStatuses.filter((status) => status === 200).length}/${SESSION_REQUESTS} × 200; served by ${describeCounts(okServed)}`,
  );

  const signOut = await call(apiB, "POST", "/api/auth/sign-out", { token: sessionToken, origin, body: {} });
  const revokedIds = Array.from({ length: REVOKED_REQUESTS }, (_, i) => `xi-${runId}-out-${i}`);
  const revokedStatuses: number[] = [];
  const revokedStarted = Date.now();
  for (const requestId of revokedIds) {
    revokedStatuses.push(
      (await call(gateway, "GET", "/api/users/me/profile", { token: sessionToken, requestId })).status,
    );
  }
  const revokedMs = Date.now() - revokedStarted;
  const revokedServed = await servedBy(stack, revokedIds);
  const all401 = revokedStatuses.every((status) => status === 401);
  row(
    "session: signed out on api2, then via gateway",
    signOut.status === 200 && all401,
    `sign-out ${signOut.status}; ${revokedStatuses.filter((status) => status === 401).length}/${REVOKED_REQUESTS} × 401 in ${revokedMs} ms; served by ${describeCounts(revokedServed)}`,
  );
}
