import { Counter, Histogram, type Registry } from "prom-client";

// The apps' monitor sends `client_error` events and `performance` events whose metric is
// `web_vital.<name>` (lcp, inp, cls, fcp, ttfb) to POST /api/analytics/events; the rows are kept by
// the analytics module, these series make them alertable.

const VITALS = new Set([
  "web_vital.lcp",
  "web_vital.inp",
  "web_vital.cls",
  "web_vital.fcp",
  "web_vital.ttfb",
]);

interface ClientEvent {
  name?: unknown;
  properties?: Record<string, unknown> | undefined;
}

/** Registers the client series and returns the recorder for an accepted events body. */
export function clientEventMetrics(registry: Registry): (body: unknown) => void {
  const errors = new Counter({
    name: "client_errors_total",
    help: "Errors reported by the apps (client_error events)",
    registers: [registry],
  });
  const vitals = new Histogram({
    name: "web_vitals",
    help: "Web vitals reported by the apps, by metric (milliseconds; CLS is unitless)",
    labelNames: ["metric"] as const,
    buckets: [0.05, 0.1, 0.25, 50, 100, 200, 500, 1000, 2500, 4000, 8000],
    registers: [registry],
  });
  return (body) => {
    const events = (body as { events?: ClientEvent[] } | undefined)?.events ?? [];
    for (const event of events) {
      if (event.name === "client_error") errors.inc();
      const metric = event.properties?.metric;
      const value = event.properties?.value;
      if (
        event.name === "performance" &&
        typeof metric === "string" &&
        VITALS.has(metric) &&
        typeof value === "number"
      ) {
        vitals.observe({ metric: metric.slice("web_vital.".length) }, value);
      }
    }
  };
}
