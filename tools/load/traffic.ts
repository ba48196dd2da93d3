import { randomUUID } from "node:crypto";
import type { HttpClient, HttpResult } from "./http-client.ts";
import { sleep } from "./stack.ts";

// Virtual users against the gateway: each holds one keep-alive connection and sends one request at
// a time, like a busy app. A failed attempt (connection error or 5xx) is retried the way the API
// client does: writes with the SAME Idempotency-Key, so a retry can never create a second referral.

export interface User {
  id: string;
  email: string;
  token: string;
  role: "client" | "staff";
}

export interface PhaseStats {
  name: string;
  startedAt: number;
  endedAt: number;
  requests: number;
  /** Requests that still failed after every retry. */
  errors: number;
  /** Requests that needed more than one attempt. */
  retried: number;
  latencies: number[];
  /** When attempts failed (ms since epoch), to measure recovery. */
  failures: number[];
  successes: number[];
  errorSamples: string[];
}

/** Every write the API acknowledged: must all be in the database afterwards. */
export interface Acknowledged {
  referrals: Map<string, string>; // id → email
  statusChanges: Set<string>; // referral ids moved to "contacted"
}

const RETRY_DELAYS_MS = [100, 200, 400, 800, 1000, 1000, 1000, 1000];

function retryable(result: HttpResult | Error): boolean {
  return result instanceof Error || result.status >= 500;
}

export class Traffic {
  private stopped = false;
  private phase: PhaseStats | undefined;
  private readonly pendingReferrals: string[] = [];
  private counter = 0;
  readonly acknowledged: Acknowledged = { referrals: new Map(), statusChanges: new Set() };

  constructor(
    private readonly http: HttpClient,
    private readonly users: User[],
    private readonly runId: string,
  ) {}

  startPhase(name: string): PhaseStats {
    this.phase = {
      name,
      startedAt: Date.now(),
      endedAt: 0,
      requests: 0,
      errors: 0,
      retried: 0,
      latencies: [],
      failures: [],
      successes: [],
      errorSamples: [],
    };
    return this.phase;
  }

  endPhase(): PhaseStats {
    const phase = this.phase!;
    phase.endedAt = Date.now();
    this.phase = undefined;
    return phase;
  }

  /** Runs `connections` virtual users until `stop()`. */
  async run(connections: number): Promise<void> {
    this.stopped = false;
    const clients = this.users.filter((user) => user.role === "client");
    const staff = this.users.filter((user) => user.role === "staff");
    await Promise.all(
      Array.from({ length: connections }, (_, vu) => {
        // One in ten virtual users works the pipeline as staff.
        const asStaff = staff.length > 0 && vu % 10 === 9;
        const user = asStaff ? staff[vu % staff.length]! : clients[vu % clients.length]!;
        return this.loop(vu, user);
      }),
    );
  }

  stop(): void {
    this.stopped = true;
  }

  private async loop(vu: number, user: User): Promise<void> {
    const headers = { authorization: `Bearer ${user.token}` };
    while (!this.stopped) {
      if (user.role === "staff") await this.staffStep(headers);
      else await this.clientStep(vu, headers);
    }
  }

  private async clientStep(vu: number, headers: Record<string, string>): Promise<void> {
    const roll = Math.random() * 100;
    if (roll < 15) {
      this.counter += 1;
      const n = this.counter;
      const email = `load-${this.runId}-${vu}-${n}@example.com`;
      const key = randomUUID();
      const result = await this.send("POST", "/api/referrals", {
        headers: { ...headers, "idempotency-key": key },
        body: { fullName: `Load Friend ${vu}-${n}`, email, notes: `load ${this.runId}` },
        ok: (status) => status === 201,
      });
      if (result?.status === 201) {
        const id = (JSON.parse(result.body) as { data: { id: string } }).data.id;
        this.acknowledged.referrals.set(id, email);
        this.pendingReferrals.push(id);
      }
      return;
    }
    const path =
      roll < 35
        ? "/api/users/me/profile"
        : roll < 55
          ? "/api/users/me/referrals?limit=20"
          : roll < 70
            ? "/api/users/me/referral-stats"
            : roll < 85
              ? "/api/notifications?limit=20"
              : "/api/notifications/unread-count";
    await this.send("GET", path, { headers, ok: (status) => status === 200 });
  }

  private async staffStep(headers: Record<string, string>): Promise<void> {
    const id = Math.random() < 0.7 ? this.pendingReferrals.shift() : undefined;
    if (!id) {
      await this.send("GET", "/api/admin/referrals?status=pending&limit=20", {
        headers,
        ok: (status) => status === 200,
      });
      return;
    }
    const result = await this.send("PATCH", `/api/admin/referrals/${id}/status`, {
      headers,
      body: { status: "contacted", notes: "load suite" },
      // A retry after a lost answer finds the change already made: that is success too.
      ok: (status, attempt) => status === 200 || (attempt > 1 && status === 409),
    });
    if (result) this.acknowledged.statusChanges.add(id);
  }

  /** A single request outside the phases, with the same retries. */
  once(
    method: string,
    path: string,
    options: {
      headers: Record<string, string>;
      body?: unknown;
      ok: (status: number, attempt: number) => boolean;
    },
  ): Promise<HttpResult | undefined> {
    return this.send(method, path, options);
  }

  /** One logical request with retries; returns the final answer, or undefined when it failed. */
  private async send(
    method: string,
    path: string,
    options: {
      headers: Record<string, string>;
      body?: unknown;
      ok: (status: number, attempt: number) => boolean;
    },
  ): Promise<HttpResult | undefined> {
    const phase = this.phase;
    const started = performance.now();
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.http
        .request(method, path, { headers: options.headers, body: options.body })
        .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      const now = Date.now();
      if (!(result instanceof Error) && options.ok(result.status, attempt)) {
        phase?.successes.push(now);
        if (phase) {
          phase.requests += 1;
          phase.latencies.push(performance.now() - started);
          if (attempt > 1) phase.retried += 1;
        }
        return result;
      }
      phase?.failures.push(now);
      const delay = RETRY_DELAYS_MS[attempt - 1];
      if (!retryable(result) || delay === undefined) {
        if (phase) {
          phase.requests += 1;
          phase.errors += 1;
          if (phase.errorSamples.length < 5) {
            phase.errorSamples.push(
              `${method} ${path} → ${result instanceof Error ? result.message : `${result.status} ${result.body.slice(0, 200)}`}`,
            );
          }
        }
        return undefined;
      }
      await sleep(delay);
    }
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
