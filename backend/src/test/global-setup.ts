import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, PGLITE_EXTENSIONS } from "../db/client.ts";
import { runMigrations } from "../db/migrate.ts";
import { JOBS } from "../jobs/registry.ts";
import { startQueue } from "../queue/queue.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite mode: a dump of the migrated template database. */
    pgliteTemplate: string;
    /** PostgreSQL mode: the template database's name. */
    pgTemplate: string;
  }
}

// Migrate once, then every test file starts from a copy: PGlite data dirs or PostgreSQL templates.
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `referral_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await runMigrations(database);
    const queue = await startQueue(database, JOBS, { supervise: false });
    await queue.stop();
    await database.close();
    await admin.query(`alter database ${template} is_template true`);
    project.provide("pgTemplate", template);
    project.provide("pgliteTemplate", "");
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`referral_t_${process.pid}_%`],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`alter database ${template} is_template false`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), "referral-test-"));
  const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = await openDatabase({ pglite });
  await runMigrations(database);
  const queue = await startQueue(database, JOBS, { supervise: false });
  await queue.stop();
  const dump = await pglite.dumpDataDir("none");
  const file = path.join(dir, "template.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplate", "");
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
