import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { DatabaseTimeouts } from "../config.ts";
import * as schema from "./schema/index.ts";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Repositories take either, so the same query runs inside or outside a transaction. */
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Db;
  /** Set in embedded mode: pg-boss and the test harness talk to it directly. */
  pglite?: PGlite;
  /** Set on PostgreSQL. */
  pool?: pg.Pool;
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolMax?: number;
  /** An existing PGlite (tests load a migrated template into memory). */
  pglite?: PGlite;
  /** PostgreSQL only (PGlite is in-process: nothing to wait on but itself). */
  timeouts?: DatabaseTimeouts;
  /** Told about lost PostgreSQL connections (the pool replaces them). */
  onConnectionError?: (error: Error) => void;
}

/** Extensions the migrations use (trigram search); PostgreSQL ships them in contrib. */
export const PGLITE_EXTENSIONS = { pg_trgm };

// node-postgres returns bigint columns as strings by default; our bigints are money in minor units.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const timeouts = options.timeouts;
    // A stuck query or a transaction left open must not hold a request (or a connection) for ever.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      ...(timeouts
        ? {
            connectionTimeoutMillis: timeouts.connectMs,
            statement_timeout: timeouts.statementMs,
            idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
          }
        : {}),
    });
    // A dropped connection (e.g. PostgreSQL restarting) must not crash the process. pg-pool drops
    // its own listener while a client is checked out, so each client gets one too: the holder then
    // sees the error from its next query and the pool discards the client.
    const onError = options.onConnectionError ?? (() => {});
    pool.on("error", onError);
    pool.on("connect", (client) => client.on("error", onError));
    const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Db;
    return { kind: "postgres", db, pool, url: options.databaseUrl, close: () => pool.end() };
  }
  let pglite = options.pglite;
  if (!pglite) {
    const dir = path.join(options.dataDir ?? "./data", "pglite");
    await mkdir(dir, { recursive: true });
    pglite = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
  }
  const db = drizzlePglite(pglite, { schema, casing: "snake_case" }) as unknown as Db;
  const instance = pglite;
  return { kind: "pglite", db, pglite: instance, close: () => instance.close() };
}
