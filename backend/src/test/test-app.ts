import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import type { UserRole } from "@referral-app/shared/constants";
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject as provided } from "vitest";
import { type BuildAppOptions, buildApp } from "../app.ts";
import { closeContext, createContext } from "../bootstrap.ts";
import { type Config, loadConfig } from "../config.ts";
import type { AppContext } from "../context.ts";
import { type DatabaseHandle, openDatabase, PGLITE_EXTENSIONS } from "../db/client.ts";
import { users } from "../db/schema/index.ts";
import { drainQueues } from "../jobs/worker.ts";
import { withDatabase } from "./global-setup.ts";

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Runs every queued job now (notifications, emails). */
  drain(): Promise<number>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: "/tmp/referral-test-data",
    SERVE_APPS: "false",
    RATE_LIMIT_AUTH_MAX: "10000",
    RATE_LIMIT_MAX: "100000",
    ...overrides,
  });
}

/** A fresh database copied from the migrated template: PGlite, or PostgreSQL with TEST_DATABASE_URL. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `referral_t_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${provided("pgTemplate")}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: withDatabase(url, name), poolMax: 10 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dump = await readFile(provided("pgliteTemplate"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
  return openDatabase({ pglite });
}

export async function createTestApp(
  overrides: Record<string, string> = {},
  appOptions: BuildAppOptions = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await openTestDatabase();
  const ctx = await createContext(config, { supervise: false, database, migrate: false });
  const app = await buildApp(ctx, appOptions);
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

let counter = 0;

export interface SignedUpUser {
  id: string;
  email: string;
  token: string;
  headers: { authorization: string };
}

/** Signs up through the real endpoint and returns the bearer token; optionally sets a role. */
export async function signUp(
  t: TestApp,
  options: { role?: UserRole; email?: string; name?: string; password?: string; referralCode?: string } = {},
): Promise<SignedUpUser> {
  counter += 1;
  const email = options.email ?? `user${counter}-${randomBytes(3).toString("hex")}@example.com`;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    payload: {
      name: options.name ?? `Test User ${counter}`,
      email,
      password: options.password ?? "correct-horse-1",
      ...(options.referralCode ? { referralCode: options.referralCode } : {}),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  const body = response.json() as { token: string; user: { id: string } };
  if (options.role && options.role !== "client") {
    await t.ctx.db.update(users).set({ role: options.role }).where(eq(users.id, body.user.id));
  }
  return { id: body.user.id, email, token: body.token, headers: { authorization: `Bearer ${body.token}` } };
}

export function json<T = unknown>(response: LightMyRequestResponse): T {
  return response.json() as T;
}
