import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config.ts";
import type { DatabaseHandle, Db } from "./db/client.ts";
import type { LiveEvents } from "./lib/live-events.ts";
import type { Mailer } from "./lib/mailer.ts";
import type { JobQueue } from "./queue/queue.ts";

/** What services and job handlers receive: the process's shared resources. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  queue: JobQueue;
  mailer: Mailer;
  live: LiveEvents;
  logger: FastifyBaseLogger;
}
