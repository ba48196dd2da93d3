import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "./config.ts";
import type { DatabaseHandle, Db } from "./db/client.ts";
import type { Cache } from "./lib/cache.ts";
import type { LiveEvents } from "./lib/live-events.ts";
import type { Mailer } from "./lib/mailer.ts";
import type { SessionCache } from "./lib/session-cache.ts";
import type { JobQueue } from "./queue/queue.ts";
import type { FileStorage } from "./storage/index.ts";

/** What services and job handlers receive: the process's shared resources. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  queue: JobQueue;
  mailer: Mailer;
  live: LiveEvents;
  /** Shared cache for hot reads (Redis with REDIS_URL, else in-process); see lib/cache.ts. */
  cache: Cache;
  /** Set with REDIS_URL (rate-limit counters, cache). */
  redis?: Redis | undefined;
  logger: FastifyBaseLogger;
  /** Uploaded files (documents, attachments, pictures): a folder or an S3 bucket. */
  storage: FileStorage;
  /** Who a credential proved, for a few seconds, dropped on revocation (lib/session-cache.ts); absent: read every time. */
  sessions?: SessionCache;
}
