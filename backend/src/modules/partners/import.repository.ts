import type { ImportRowError, PartnerImportSummary } from "@referral-app/shared/schemas/partners";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.ts";
import { analyticsEvents, partnerImports, referralStatusHistory, referrals } from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";
import type { ValidRow } from "./import-rows.ts";

export type ImportRow = typeof partnerImports.$inferSelect;

// Rows per INSERT: ~12 parameters each keeps a statement far below PostgreSQL's 65,535.
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Serialises imports per organisation, so the same file cannot be imported twice at once. */
export async function lockOrganizationImports(tx: Tx, organizationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`partner-import:${organizationId}`}))`);
}

export async function findImportBySha(
  db: DbOrTx,
  organizationId: string,
  sha256: string,
): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.partnerOrganizationId, organizationId), eq(partnerImports.sha256, sha256)));
  return row ?? null;
}

export async function findImport(db: DbOrTx, organizationId: string, id: string): Promise<ImportRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.id, id), eq(partnerImports.partnerOrganizationId, organizationId)));
  return row ?? null;
}

export async function listImports(
  db: DbOrTx,
  organizationId: string,
  limit: number,
): Promise<PartnerImportSummary[]> {
  const rows = await db
    .select()
    .from(partnerImports)
    .where(eq(partnerImports.partnerOrganizationId, organizationId))
    .orderBy(desc(partnerImports.createdAt), desc(partnerImports.id))
    .limit(limit);
  return rows.map((row) => ({
    importId: row.id,
    rows: row.rows,
    imported: row.imported,
    failed: row.failed,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Emails (lower case) among `emails` the organisation has already referred. */
export async function existingOrgEmails(
  db: DbOrTx,
  organizationId: string,
  emails: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunks(emails, 5000)) {
    const rows = await db
      .select({ email: sql<string>`lower(${referrals.email})` })
      .from(referrals)
      .where(
        and(
          eq(referrals.partnerOrganizationId, organizationId),
          inArray(sql`lower(${referrals.email})`, batch),
        ),
      );
    for (const row of rows) found.add(row.email);
  }
  return found;
}

interface InsertedRow {
  id: string;
  email: string;
}

/**
 * One statement for the whole file: the rows travel as one JSON parameter, the referrals are
 * inserted with ON CONFLICT DO NOTHING RETURNING, and the same statement adds each inserted
 * referral's first history entry and its `referral_created` event. A row missing from the answer
 * collided with the referrer's unique (referrer_id, lower(email)). Answers ids by lower-case email.
 */
export async function insertImportedReferrals(
  tx: Tx,
  input: { referrerId: string; organizationId: string; importId: string; rows: ValidRow[] },
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  if (input.rows.length === 0) return inserted;
  // One text parameter whatever the row count (an array would become one parameter per value).
  const rowsJson = JSON.stringify(
    input.rows.map(({ data }) => ({
      full_name: data.fullName,
      email: data.email,
      phone: data.phone ?? null,
      country: data.country ?? null,
      relationship: data.relationship ?? null,
      visa_interest: data.visaInterest ?? null,
      notes: data.notes ?? null,
    })),
  );
  const { referrerId, organizationId, importId } = input;
  const result = await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${rowsJson}::jsonb) as t(full_name text, email text, phone text,
        country text, relationship text, visa_interest text, notes text)
    ),
    created as (
      insert into ${referrals} (referrer_id, full_name, email, phone, country, relationship, visa_interest,
        notes, status, source, partner_organization_id)
      select ${referrerId}, full_name, email, phone, country, relationship, visa_interest, notes,
        'pending', 'partner', ${organizationId}::uuid
      from input
      on conflict do nothing
      returning id, email
    ),
    history as (
      insert into ${referralStatusHistory} (referral_id, from_status, to_status, internal_note, changed_by)
      select id, null, 'pending', 'Imported from CSV', ${referrerId} from created
    ),
    events as (
      insert into ${analyticsEvents} (name, user_id, source, properties)
      select 'referral_created', ${referrerId}, 'server', jsonb_build_object('referralId', id, 'source', 'partner',
        'partnerOrganizationId', ${organizationId}::text, 'importId', ${importId}::text)
      from created
    )
    select id, email from created`);
  for (const row of (result as unknown as { rows: InsertedRow[] }).rows) {
    inserted.set(row.email.toLowerCase(), row.id);
  }
  return inserted;
}

export async function insertImport(
  tx: Tx,
  values: {
    id: string;
    organizationId: string;
    createdBy: string;
    sha256: string;
    fileName: string | null;
    rows: number;
    imported: number;
    errors: ImportRowError[];
  },
): Promise<ImportRow> {
  const [row] = await tx
    .insert(partnerImports)
    .values({
      id: values.id,
      partnerOrganizationId: values.organizationId,
      createdBy: values.createdBy,
      sha256: values.sha256,
      fileName: values.fileName,
      rows: values.rows,
      imported: values.imported,
      failed: values.errors.length,
      errors: values.errors,
    })
    .returning();
  return row!;
}
