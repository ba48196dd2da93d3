import { Histogram, Registry } from "prom-client";

/**
 * Process-wide metrics recorded outside HTTP (job handlers). One registry per process: the API's
 * `/metrics` merges it, and a separate worker process serves it on WORKER_METRICS_PORT.
 */
export const processRegistry = new Registry();

export const jobDuration = new Histogram({
  name: "job_duration_seconds",
  help: "Queue job handler duration by queue and outcome",
  labelNames: ["queue", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processRegistry],
});

/** Times `run` into job_duration_seconds{queue,status="completed"|"failed"}. */
export async function timeJob<T>(queue: string, run: () => Promise<T>): Promise<T> {
  const stop = jobDuration.startTimer({ queue });
  try {
    const result = await run();
    stop({ status: "completed" });
    return result;
  } catch (error) {
    stop({ status: "failed" });
    throw error;
  }
}
