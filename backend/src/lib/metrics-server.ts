import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import { processRegistry } from "./job-metrics.ts";

function workerRegistry(): Registry {
  const own = new Registry();
  collectDefaultMetrics({ register: own });
  return Registry.merge([own, processRegistry]);
}

/**
 * `/metrics` on a port of its own: the worker's (job durations and process stats) by default, or the
 * API's registry when the API keeps its metrics off the public port (METRICS_PORT).
 */
export async function startMetricsServer(
  port: number,
  host = "0.0.0.0",
  registry: Registry = workerRegistry(),
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
