import pino from "pino";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";
import { LiveEvents } from "./lib/live-events.ts";
import { createMailer } from "./lib/mailer.ts";
import { startQueue } from "./queue/queue.ts";
import { JOBS } from "./queue/registry.ts";

export interface ContextOptions {
  /** Run queue maintenance and schedules in this process (worker or single-process mode). */
  supervise: boolean;
  /** Use this database instead of opening one from the config (tests). */
  database?: DatabaseHandle;
  migrate?: boolean;
}

/** Opens the database, migrates, starts the queue: everything a process role needs. */
export async function createContext(config: Config, options: ContextOptions): Promise<AppContext> {
  const logger = pino({
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
  });
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.databasePoolMax,
    }));
  if (options.migrate !== false) await runMigrations(database);
  const queue = await startQueue(database, JOBS, { supervise: options.supervise });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db });
  return { config, database, db: database.db, queue, mailer, live: new LiveEvents(), logger };
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.queue.stop().catch(() => {});
  ctx.mailer.close();
  await ctx.database.close();
}
