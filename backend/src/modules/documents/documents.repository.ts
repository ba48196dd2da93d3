import type { VisaStageId } from "@referral-app/shared/constants";
import type {
  DocumentContentType,
  DocumentRequirement,
  DocumentStatus,
  DocumentVersion,
} from "@referral-app/shared/schemas/document";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  caseApplicants,
  cases,
  documentExpiryReminders,
  documentShareConsents,
  documents,
  documentVersions,
  partnerOrganizations,
  referrals,
  storedFiles,
  users,
  visaTypes,
} from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

export interface DocCase {
  id: string;
  number: string;
  clientId: string;
  consultantId: string | null;
  currentStage: VisaStageId;
  targetDate: string | null;
  outcome: string | null;
  requirements: DocumentRequirement[];
  /** The partner organisation of the referral the case came from. */
  partnerOrganizationId: string | null;
}

export type DocumentRow = typeof documents.$inferSelect;

/** The case with what the documents module needs of it; `forUpdate` locks the case row. */
export async function findDocCase(
  db: DbOrTx,
  caseId: string,
  options: { forUpdate?: boolean } = {},
): Promise<DocCase | null> {
  if (!isUuid(caseId)) return null;
  const query = db
    .select({
      id: cases.id,
      number: cases.number,
      clientId: cases.clientId,
      consultantId: cases.consultantId,
      currentStage: cases.currentStage,
      targetDate: cases.targetDate,
      outcome: cases.outcome,
      requirements: visaTypes.documentRequirements,
      partnerOrganizationId: referrals.partnerOrganizationId,
    })
    .from(cases)
    .innerJoin(visaTypes, eq(visaTypes.id, cases.visaTypeId))
    .leftJoin(referrals, eq(referrals.caseId, cases.id))
    .where(eq(cases.id, caseId));
  const [row] = options.forUpdate ? await query.for("update", { of: cases }) : await query;
  return row ?? null;
}

/** Whether the user reads the case as its client or an applicant with an account. */
export async function isOnDocCase(db: DbOrTx, doc: DocCase, userId: string): Promise<boolean> {
  if (doc.clientId === userId) return true;
  const [row] = await db
    .select({ id: caseApplicants.id })
    .from(caseApplicants)
    .where(and(eq(caseApplicants.caseId, doc.id), eq(caseApplicants.userId, userId)));
  return row !== undefined;
}

export function listApplicants(db: DbOrTx, caseId: string) {
  return db
    .select({ id: caseApplicants.id, name: caseApplicants.fullName, userId: caseApplicants.userId })
    .from(caseApplicants)
    .where(eq(caseApplicants.caseId, caseId))
    .orderBy(asc(caseApplicants.position), asc(caseApplicants.createdAt));
}

export async function findDocumentRow(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  if (!isUuid(id)) return null;
  const query = db.select().from(documents).where(eq(documents.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function findLineDocument(
  db: DbOrTx,
  line: { caseId: string; requirementId: string; applicantId: string | null },
): Promise<DocumentRow | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.caseId, line.caseId),
        eq(documents.requirementId, line.requirementId),
        line.applicantId ? eq(documents.applicantId, line.applicantId) : isNull(documents.applicantId),
      ),
    )
    .for("update");
  return row ?? null;
}

export async function insertDocument(
  db: DbOrTx,
  values: typeof documents.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await db.insert(documents).values(values).returning();
  return row!;
}

export async function updateDocument(db: DbOrTx, id: string, values: Partial<typeof documents.$inferInsert>) {
  await db
    .update(documents)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(documents.id, id));
}

export async function insertVersion(
  db: DbOrTx,
  values: typeof documentVersions.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(documentVersions).values(values).returning({ id: documentVersions.id });
  return row!.id;
}

export async function reviewCurrentVersion(
  db: DbOrTx,
  doc: DocumentRow,
  review: { status: DocumentStatus; reason: string | null; reviewedBy: string },
): Promise<string> {
  const [row] = await db
    .update(documentVersions)
    .set({
      status: review.status,
      reviewReason: review.reason,
      reviewedBy: review.reviewedBy,
      reviewedAt: new Date(),
    })
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.version, doc.currentVersion)))
    .returning({ id: documentVersions.id });
  return row!.id;
}

export interface VersionRow extends DocumentVersion {
  documentId: string;
  fileId: string;
  storageKey: string | null;
}

const uploader = sql<string | null>`${users.name}`;

/** Every version of the given documents, newest first, with file metadata and the uploader's name. */
export async function listVersions(db: DbOrTx, documentIds: string[]): Promise<VersionRow[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .select({
      id: documentVersions.id,
      documentId: documentVersions.documentId,
      version: documentVersions.version,
      fileId: documentVersions.fileId,
      status: documentVersions.status,
      reviewReason: documentVersions.reviewReason,
      reviewedAt: documentVersions.reviewedAt,
      uploadedAt: documentVersions.uploadedAt,
      uploadedById: documentVersions.uploadedBy,
      uploadedByName: uploader,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
      sizeBytes: storedFiles.sizeBytes,
      storageKey: storedFiles.storageKey,
    })
    .from(documentVersions)
    .innerJoin(storedFiles, eq(storedFiles.id, documentVersions.fileId))
    .leftJoin(users, eq(users.id, documentVersions.uploadedBy))
    .where(inArray(documentVersions.documentId, documentIds))
    .orderBy(desc(documentVersions.version));
  return rows.map((row) => ({
    id: row.id,
    documentId: row.documentId,
    version: row.version,
    fileId: row.fileId,
    storageKey: row.storageKey,
    fileName: row.fileName,
    contentType: row.contentType as DocumentContentType,
    sizeBytes: row.sizeBytes,
    status: row.status,
    reviewReason: row.reviewReason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    uploadedBy: row.uploadedById ? { id: row.uploadedById, name: row.uploadedByName ?? "" } : null,
    uploadedAt: row.uploadedAt.toISOString(),
  }));
}

export function listCaseDocuments(db: DbOrTx, caseId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt));
}

export async function deleteDocumentRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(documents).where(eq(documents.id, id));
}

/** Documents whose validity ends between the two dates (inclusive), with their case and client. */
export function listValidUntilBetween(db: DbOrTx, from: string, to: string) {
  return db
    .select({
      documentId: documents.id,
      caseId: cases.id,
      caseNumber: cases.number,
      clientId: cases.clientId,
      clientName: users.name,
      consultantId: cases.consultantId,
      requirementId: documents.requirementId,
      requirements: visaTypes.documentRequirements,
      applicantName: caseApplicants.fullName,
      expiresOn: documents.expiresOn,
      validUntil: documents.validUntil,
    })
    .from(documents)
    .innerJoin(cases, eq(cases.id, documents.caseId))
    .innerJoin(users, eq(users.id, cases.clientId))
    .innerJoin(visaTypes, eq(visaTypes.id, cases.visaTypeId))
    .leftJoin(caseApplicants, eq(caseApplicants.id, documents.applicantId))
    .where(and(sql`${documents.validUntil} between ${from} and ${to}`, isNull(cases.outcome)))
    .orderBy(asc(documents.validUntil), asc(documents.id));
}

/** Claims one reminder; false when it was already sent (so each goes out exactly once). */
export async function claimReminder(
  db: DbOrTx,
  reminder: { documentId: string; daysBefore: number; validUntil: string },
): Promise<boolean> {
  const rows = await db
    .insert(documentExpiryReminders)
    .values(reminder)
    .onConflictDoNothing()
    .returning({ documentId: documentExpiryReminders.documentId });
  return rows.length > 0;
}

export async function findConsent(db: DbOrTx, caseId: string) {
  const [row] = await db.select().from(documentShareConsents).where(eq(documentShareConsents.caseId, caseId));
  return row ?? null;
}

export async function saveConsent(
  db: DbOrTx,
  consent: { caseId: string; partnerOrganizationId: string; userId: string; shared: boolean },
): Promise<void> {
  const now = new Date();
  await db
    .insert(documentShareConsents)
    .values({
      caseId: consent.caseId,
      partnerOrganizationId: consent.partnerOrganizationId,
      consentedBy: consent.userId,
      consentedAt: now,
      revokedAt: consent.shared ? null : now,
    })
    .onConflictDoUpdate({
      target: documentShareConsents.caseId,
      set: consent.shared
        ? {
            consentedBy: consent.userId,
            consentedAt: now,
            revokedAt: null,
            partnerOrganizationId: consent.partnerOrganizationId,
          }
        : { revokedAt: now },
    });
}

export async function partnerName(db: DbOrTx, organizationId: string): Promise<string> {
  const [row] = await db
    .select({ name: partnerOrganizations.name })
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, organizationId));
  return row?.name ?? "";
}
