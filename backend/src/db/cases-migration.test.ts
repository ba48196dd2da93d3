import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../test/global-setup.ts";
import { type DatabaseHandle, openDatabase, PGLITE_EXTENSIONS } from "./client.ts";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate.ts";

// Migration 0010 turns every visa_applications row into a case. Proven on a database migrated up
// to 0009 holding rows of the old shape, then migrated to the end (PGlite, or PostgreSQL with
// TEST_DATABASE_URL).

const CASES_MIGRATION = "0010_cases";

let handle: DatabaseHandle;
let folder: string;
let dropDatabase: (() => Promise<void>) | undefined;

/** The migrations folder as it was before cases. */
async function migrationsBefore(tag: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "migrations-"));
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, index);
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  folder = await migrationsBefore(CASES_MIGRATION);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `referral_mig_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    handle = await openDatabase({ databaseUrl: withDatabase(url, name) });
    await migratePg(drizzlePg(handle.pool!), { migrationsFolder: folder });
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  } else {
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    handle = await openDatabase({ pglite });
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
  }

  // Rows as the app wrote them before cases existed: one case per client, with its history.
  await handle.db.execute(sql`
    insert into users (id, name, email, referral_code, role, created_at) values
      ('u-ana', 'Ana Old', 'ana@example.com', 'CODEANA1', 'client', '2025-03-01T10:00:00Z'),
      ('u-ben', 'Ben Old', 'ben@example.com', 'CODEBEN1', 'client', '2025-07-01T10:00:00Z'),
      ('u-cai', 'Cai Old', 'cai@example.com', 'CODECAI1', 'client', '2026-01-05T10:00:00Z'),
      ('u-sam', 'Sam Staff', 'sam@example.com', 'CODESAM1', 'staff', '2025-01-01T10:00:00Z')`);
  await handle.db.execute(sql`
    insert into visa_applications (id, user_id, current_stage, stage_entered_at, created_at, updated_at) values
      ('11111111-1111-4111-8111-111111111111', 'u-ana', 'assessment', '2025-03-20T10:00:00Z', '2025-03-01T10:00:00Z', '2025-03-20T10:00:00Z'),
      ('22222222-2222-4222-8222-222222222222', 'u-ben', 'enquiry', '2025-07-01T10:00:00Z', '2025-07-01T10:00:00Z', '2025-07-01T10:00:00Z'),
      ('33333333-3333-4333-8333-333333333333', 'u-cai', 'enquiry', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z', '2026-01-05T10:00:00Z')`);
  await handle.db.execute(sql`
    insert into visa_stage_history (application_id, from_stage, to_stage, note, changed_by, created_at) values
      ('11111111-1111-4111-8111-111111111111', null, 'enquiry', null, null, '2025-03-01T10:00:00Z'),
      ('11111111-1111-4111-8111-111111111111', 'enquiry', 'detailed_enquiry', 'Intake call done', 'u-sam', '2025-03-10T10:00:00Z'),
      ('11111111-1111-4111-8111-111111111111', 'detailed_enquiry', 'assessment', null, 'u-sam', '2025-03-20T10:00:00Z'),
      ('22222222-2222-4222-8222-222222222222', null, 'enquiry', null, null, '2025-07-01T10:00:00Z'),
      ('33333333-3333-4333-8333-333333333333', null, 'enquiry', null, null, '2026-01-05T10:00:00Z')`);
  // Ana referred Ben, who converted; a Thursday referral is still pending.
  await handle.db.execute(sql`
    insert into referrals (id, referrer_id, full_name, email, status, referred_user_id, converted_at, created_at) values
      ('44444444-4444-4444-8444-444444444444', 'u-ana', 'Ben Old', 'ben@example.com', 'converted', 'u-ben', '2025-07-02T10:00:00Z', '2025-06-20T10:00:00Z'),
      ('55555555-5555-4555-8555-555555555555', 'u-ana', 'Dee New', 'dee@example.com', 'pending', null, null, '2026-01-08T10:00:00Z')`);

  await runMigrations(handle);
});

afterAll(async () => {
  await handle?.close();
  await dropDatabase?.();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe(`migration ${CASES_MIGRATION}`, () => {
  it("makes every old case a case of the Unspecified visa type, numbered per year of opening", async () => {
    const migrated = await rows<{
      id: string;
      number: string;
      client_id: string;
      stage: string;
      type: string;
      consultant_id: string | null;
      outcome: string | null;
    }>(sql`
      select c.id, c.number, c.client_id, c.current_stage as stage, v.name as type, c.consultant_id, c.outcome
      from cases c join visa_types v on v.id = c.visa_type_id order by c.number`);
    expect(migrated).toEqual([
      {
        id: "11111111-1111-4111-8111-111111111111",
        number: "RC-2025-00001",
        client_id: "u-ana",
        stage: "assessment",
        type: "Unspecified",
        consultant_id: null,
        outcome: null,
      },
      {
        id: "22222222-2222-4222-8222-222222222222",
        number: "RC-2025-00002",
        client_id: "u-ben",
        stage: "enquiry",
        type: "Unspecified",
        consultant_id: null,
        outcome: null,
      },
      {
        id: "33333333-3333-4333-8333-333333333333",
        number: "RC-2026-00001",
        client_id: "u-cai",
        stage: "enquiry",
        type: "Unspecified",
        consultant_id: null,
        outcome: null,
      },
    ]);
    // New cases continue each year's numbering.
    expect(await rows(sql`select year, last_value from case_number_sequences order by year`)).toEqual([
      { year: 2025, last_value: 2 },
      { year: 2026, last_value: 1 },
    ]);
  });

  it("carries the stage history over, with the principal applicant and the timeline", async () => {
    const history = await rows<{
      from_stage: string | null;
      to_stage: string;
      note: string | null;
      changed_by: string | null;
    }>(sql`
      select from_stage, to_stage, note, changed_by from case_stage_history
      where case_id = '11111111-1111-4111-8111-111111111111' order by created_at`);
    expect(history).toEqual([
      { from_stage: null, to_stage: "enquiry", note: null, changed_by: null },
      { from_stage: "enquiry", to_stage: "detailed_enquiry", note: "Intake call done", changed_by: "u-sam" },
      { from_stage: "detailed_enquiry", to_stage: "assessment", note: null, changed_by: "u-sam" },
    ]);
    const timeline = await rows<{ kind: string; summary: string; visibility: string }>(sql`
      select kind, summary, visibility from case_timeline
      where case_id = '11111111-1111-4111-8111-111111111111' order by created_at`);
    expect(timeline).toEqual([
      { kind: "opened", summary: "Case opened at Enquiry", visibility: "client" },
      { kind: "stage_changed", summary: "Moved from Enquiry to Detailed Enquiry", visibility: "client" },
      { kind: "stage_changed", summary: "Moved from Detailed Enquiry to Assessment", visibility: "client" },
    ]);
    const applicants = await rows(sql`
      select case_id, kind, user_id, full_name from case_applicants order by case_id`);
    expect(applicants).toEqual([
      {
        case_id: "11111111-1111-4111-8111-111111111111",
        kind: "principal",
        user_id: "u-ana",
        full_name: "Ana Old",
      },
      {
        case_id: "22222222-2222-4222-8222-222222222222",
        kind: "principal",
        user_id: "u-ben",
        full_name: "Ben Old",
      },
      {
        case_id: "33333333-3333-4333-8333-333333333333",
        kind: "principal",
        user_id: "u-cai",
        full_name: "Cai Old",
      },
    ]);
    const tables = await rows(sql`
      select table_name from information_schema.tables where table_name in ('visa_applications', 'visa_stage_history')`);
    expect(tables).toEqual([]);
  });

  it("links converted referrals to the friend's case and gives referrals a contact deadline", async () => {
    const [ben] = await rows<{ case_id: string | null }>(sql`
      select case_id from referrals where id = '44444444-4444-4444-8444-444444444444'`);
    expect(ben?.case_id).toBe("22222222-2222-4222-8222-222222222222");
    const [pending] = await rows<{ contact_by: Date | string }>(sql`
      select contact_by from referrals where id = '55555555-5555-4555-8555-555555555555'`);
    // Thursday 8 January + 2 business days = Monday 12 January, same time.
    expect(new Date(pending!.contact_by).toISOString()).toBe("2026-01-12T10:00:00.000Z");
    expect(await rows(sql`select referral_contact_business_days as days from consultancy_settings`)).toEqual([
      { days: 2 },
    ]);
  });
});
