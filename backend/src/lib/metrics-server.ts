import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import { processRegistry } from "./job-metrics.ts";

/**
 * Process stats (prom-client's defaults) and job durations. The event-loop delay is sampled every
 * 100 ms, not prom-client's 10 ms: a timer 100 times a second cost an idle server about 0.5 % of a core
 * (docs/performance.md); a stall still shows in the percentiles and the maximum.
 */
export function processMetrics(): Registry {
  const own = new Registry();
  collectDefaultMetrics({ register: own, eventLoopMonitoringPrecision: 100 });
  return Registry.merge([own, processRegistry]);
}

/**
 * `/metrics` on a port of its own: the worker's (job durations and process stats) by default, or the
 * API's registry when the API keeps its metrics off the public port (METRICS_PORT).
 */
export async function startMetricsServer(
  port: number,
  host = "0.0.0.0",
  registry: Registry = processMetrics(),
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url !== "/metrics") {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { "content-type": registry.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}
