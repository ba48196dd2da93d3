import pino from "pino";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { type DatabaseHandle, openDatabase } from "./db/client.ts";
import { runMigrations } from "./db/migrate.ts";
import { JOBS } from "./jobs/registry.ts";
import { type Cache, MemoryCache, RedisCache } from "./lib/cache.ts";
import { LiveEvents } from "./lib/live-events.ts";
import { createMailer } from "./lib/mailer.ts";
import {
  attachCacheInvalidation,
  attachLiveTransport,
  attachSessionInvalidation,
  PgNotifyBus,
} from "./lib/pg-live-transport.ts";
import { createRedis } from "./lib/redis.ts";
import { serializeRequest } from "./lib/request-log.ts";
import { SESSION_CACHE_CHANNEL, SessionCache } from "./lib/session-cache.ts";
import { startQueue } from "./queue/queue.ts";
import { createStorage } from "./storage/index.ts";
import { instrumentPglite, startTracing } from "./telemetry.ts";

export interface ContextOptions {
  /** Run queue maintenance and schedules in this process (worker or single-process mode). */
  supervise: boolean;
  /** Use this database instead of opening one from the config (tests). */
  database?: DatabaseHandle;
  migrate?: boolean;
}

// What closeContext must stop besides the database and queue.
const extraClosers = new WeakMap<AppContext, (() => Promise<void>)[]>();

/** Opens the database, migrates, starts the queue: everything a process role needs. */
export async function createContext(config: Config, options: ContextOptions): Promise<AppContext> {
  const logger = pino({
    level: config.logLevel,
    redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
    serializers: { req: serializeRequest },
  });
  const tracing = startTracing({ serviceName: config.otelServiceName, endpoint: config.otelEndpoint });
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.databasePoolMax,
      timeouts: config.databaseTimeouts,
      onConnectionError: (err) => logger.warn({ err }, "database connection lost"),
    }));
  if (database.pglite && tracing) instrumentPglite(database.pglite);
  if (options.migrate !== false) await runMigrations(database);
  const queue = await startQueue(database, JOBS, { supervise: options.supervise });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db });
  const closers: (() => Promise<void>)[] = [];
  const redis = config.redisUrl ? createRedis(config.redisUrl, logger) : undefined;
  if (redis)
    closers.push(() =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect(),
      ),
    );
  const cache: Cache = redis ? new RedisCache(redis, logger) : new MemoryCache(10_000);
  const live = new LiveEvents();
  let sessions: SessionCache;
  // Several processes on one PostgreSQL: live events (and memory-cache deletions) reach all of them.
  if (database.kind === "postgres" && database.pool && database.url) {
    const bus = new PgNotifyBus({ connectionString: database.url, pool: database.pool, logger });
    attachLiveTransport(bus, live);
    if (cache instanceof MemoryCache) attachCacheInvalidation(bus, cache);
    sessions = new SessionCache({ ttlMs: SESSION_CACHE_TTL_MS, live: () => bus.connected });
    attachSessionInvalidation(bus, sessions);
    await bus.start();
    closers.push(() => bus.close());
  } else {
    sessions = new SessionCache({ ttlMs: SESSION_CACHE_TTL_MS });
    const pglite = database.pglite;
    if (pglite) {
      const unlisten = await pglite.listen(SESSION_CACHE_CHANNEL, (message) => sessions.invalidate(message));
      closers.push(() => unlisten());
    }
  }
  closers.push(() => cache.close());
  const storage = await createStorage(config);
  closers.push(async () => storage.close());
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    queue,
    mailer,
    live,
    cache,
    redis,
    logger,
    storage,
    sessions,
  };
  extraClosers.set(ctx, closers);
  return ctx;
}

/** How long a server trusts what it remembers of a session when no revocation reaches it (a backstop). */
const SESSION_CACHE_TTL_MS = 15_000;

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.queue.stop().catch(() => {});
  for (const close of extraClosers.get(ctx) ?? []) await close().catch(() => {});
  ctx.mailer.close();
  await ctx.database.close();
}
