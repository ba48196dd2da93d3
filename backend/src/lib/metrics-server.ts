import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import { processRegistry } from "./job-metrics.ts";

/** `/metrics` for a process without the HTTP API (the worker): job durations and process stats. */
export async function startMetricsServer(port: number, host = "0.0.0.0"): Promise<Server> {
  const own = new Registry();
  collectDefaultMetrics({ register: own });
  const registry = Registry.merge([own, processRegistry]);
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
