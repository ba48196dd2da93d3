import { buildApp } from "../app.ts";
import { closeContext, createContext } from "../bootstrap.ts";
import { openDatabase } from "../db/client.ts";
import { drainQueues } from "../jobs/worker.ts";
import type { TestApp } from "./test-app.ts";

/**
 * Another API instance on the same database as `t`, with its own cache and connections (on
 * PostgreSQL its own pool and listener; PGlite can only be shared in-process, so there the two
 * instances are one process and share its live events too). Close it before `t`.
 */
export async function createSecondInstance(t: TestApp): Promise<TestApp> {
  const shared = t.ctx.database;
  const database = shared.url
    ? await openDatabase({ databaseUrl: shared.url, poolMax: 5 })
    : { ...(await openDatabase({ pglite: shared.pglite! })), close: async () => {} };
  const ctx = await createContext(t.ctx.config, { supervise: false, database, migrate: false });
  if (!shared.url) ctx.live = t.ctx.live;
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    drain: () => drainQueues(ctx),
    close: async () => {
      await app.close();
      await closeContext(ctx);
    },
  };
}
