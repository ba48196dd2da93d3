import type { ImportRowError, PartnerImportSummary } from "@referral-app/shared/schemas/partners";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../db/client.ts";
import { analyticsEvents, partnerImports, referralStatusHistory, referrals } from "../../db/schema/index.ts";
import { isUuid } from "../referrals/referrals.repository.ts";
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

/**
 * Multi-row INSERT … ON CONFLICT DO NOTHING RETURNING: answers the inserted referrals by lower-case
 * email; a row missing from the answer collided with the referrer's unique (referrer_id, lower(email)).
 */
export async function insertImportedReferrals(
  tx: Tx,
  input: { referrerId: string; organizationId: string; importId: string; rows: ValidRow[] },
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  for (const batch of chunks(input.rows)) {
    const created = await tx
      .insert(referrals)
      .values(
        batch.map(({ data }) => ({
          referrerId: input.referrerId,
          fullName: data.fullName,
          email: data.email,
          phone: data.phone ?? null,
          country: data.country ?? null,
          relationship: data.relationship ?? null,
          visaInterest: data.visaInterest ?? null,
          notes: data.notes ?? null,
          status: "pending" as const,
          source: "partner" as const,
          partnerOrganizationId: input.organizationId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: referrals.id, email: referrals.email });
    for (const row of created) inserted.set(row.email.toLowerCase(), row.id);
    if (created.length === 0) continue;
    const now = new Date();
    await tx.insert(referralStatusHistory).values(
      created.map((row) => ({
        referralId: row.id,
        fromStatus: null,
        toStatus: "pending" as const,
        notes: "Imported from CSV",
        changedBy: input.referrerId,
        createdAt: now,
      })),
    );
    await tx.insert(analyticsEvents).values(
      created.map((row) => ({
        name: "referral_created",
        userId: input.referrerId,
        source: "server" as const,
        properties: {
          referralId: row.id,
          source: "partner",
          partnerOrganizationId: input.organizationId,
          importId: input.importId,
        },
      })),
    );
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
