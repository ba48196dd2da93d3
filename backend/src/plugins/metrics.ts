import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, Gauge, Histogram } from "prom-client";
import { JOBS } from "../jobs/registry.ts";
import { DomainError } from "../lib/domain-error.ts";
import { processMetrics, startMetricsServer } from "../lib/metrics-server.ts";
import { clientEventMetrics } from "./client-event-metrics.ts";

function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * Prometheus metrics at /metrics: HTTP counts and latency by route, queue depth, job durations
 * (jobs run in this process), database pool, SSE streams, client errors and web vitals, process stats.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app.ctx;
  const { token, port } = config.metrics;
  // Route names, queue depths and pool sizes are for operators, not for the internet. Nothing is
  // collected when nobody can read it (no timers, no per-request counting).
  if (port === undefined && config.env === "production" && !token) {
    app.log.warn("/metrics is off: set METRICS_TOKEN or METRICS_PORT to serve it");
    return;
  }
  const registry = processMetrics();
  const recordClientEvents = clientEventMetrics(registry);
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by method and route",
    labelNames: ["method", "route"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  new Gauge({
    name: "queue_depth",
    help: "Jobs queued or active per queue",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      const depth = await app.ctx.queue.depth(JOBS.map((job) => job.name)).catch(() => ({}));
      for (const [queue, value] of Object.entries(depth)) this.set({ queue }, value);
    },
  });
  new Gauge({
    name: "sse_connections",
    help: "Open server-sent event streams on this instance",
    registers: [registry],
    collect() {
      this.set(app.ctx.live.listenerCount());
    },
  });
  if (app.ctx.database.pool) {
    const pool = app.ctx.database.pool;
    new Gauge({
      name: "db_pool_connections",
      help: "Database pool connections by state",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }

  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    if (route === "/api/analytics/events" && reply.statusCode === 202) recordClientEvents(request.body);
  });

  if (port !== undefined) {
    const server = await startMetricsServer(port, config.host, registry);
    app.addHook("onClose", () => new Promise<void>((resolve) => server.close(() => resolve())));
    return;
  }
  app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
    if (token && !bearerMatches(request.headers.authorization, token)) {
      throw new DomainError("UNAUTHORIZED", "Send the metrics token as a bearer token");
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
