import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { JOBS } from "../jobs/registry.ts";
import { processRegistry } from "../lib/job-metrics.ts";
import { clientEventMetrics } from "./client-event-metrics.ts";

/**
 * Prometheus metrics at /metrics: HTTP counts and latency by route, queue depth, job durations
 * (jobs run in this process), database pool, SSE streams, client errors and web vitals, process stats.
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const own = new Registry();
  collectDefaultMetrics({ register: own });
  const registry = Registry.merge([own, processRegistry]);
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

  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
