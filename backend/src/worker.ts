import closeWithGrace from "close-with-grace";
import { closeContext, createContext } from "./bootstrap.ts";
import { loadConfig } from "./config.ts";
import { startWorkers } from "./jobs/worker.ts";
import { startMetricsServer } from "./lib/metrics-server.ts";

// `npm run start:worker`: the queue worker as its own process (PostgreSQL deployments).
const config = loadConfig();
const ctx = await createContext(config, { supervise: true });
await startWorkers(ctx);
const metrics = config.workerMetricsPort ? await startMetricsServer(config.workerMetricsPort) : undefined;
ctx.logger.info({ metricsPort: config.workerMetricsPort }, "worker started");

closeWithGrace({ delay: 15_000 }, async ({ signal }) => {
  ctx.logger.info({ signal }, "worker stopping");
  metrics?.close();
  await closeContext(ctx);
});
