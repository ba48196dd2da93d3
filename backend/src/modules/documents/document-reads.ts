import { isStaffRole } from "@referral-app/shared/constants";
import type { CaseDocument } from "@referral-app/shared/schemas/document";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { buildLines, isoDay } from "./document-rules.ts";
import {
  type DocCase,
  type DocumentRow,
  findConsent,
  findDocCase,
  isOnDocCase,
  listApplicants,
  listCaseDocuments,
  listVersions,
  type VersionRow,
} from "./documents.repository.ts";

// Who may read a case's documents, and the documents and checklist as the contract shapes them.

/** The case when the actor may read its documents (staff, its client, applicants); else 404. */
export async function caseFor(db: DbOrTx, actor: Actor, caseId: string): Promise<DocCase> {
  const found = await findDocCase(db, caseId);
  if (!found) throw notFound("Case");
  if (isStaffRole(actor.role)) return found;
  if (actor.role !== "partner" && (await isOnDocCase(db, found, actor.id))) return found;
  if (actor.role === "partner" && (await sharedWithPartner(db, found, actor))) return found;
  throw notFound("Case");
}

async function sharedWithPartner(db: DbOrTx, found: DocCase, actor: Actor): Promise<boolean> {
  if (!actor.partnerOrganizationId || found.partnerOrganizationId !== actor.partnerOrganizationId)
    return false;
  const consent = await findConsent(db, found.id);
  return (
    consent !== null &&
    consent.revokedAt === null &&
    consent.partnerOrganizationId === found.partnerOrganizationId
  );
}

export function toDocument(row: DocumentRow, versions: VersionRow[]): CaseDocument {
  const own = versions
    .filter((version) => version.documentId === row.id)
    .map(({ documentId, fileId, storageKey, ...v }) => v);
  return {
    id: row.id,
    caseId: row.caseId,
    requirementId: row.requirementId,
    applicantId: row.applicantId,
    status: row.status,
    expiresOn: row.expiresOn,
    validUntil: row.validUntil,
    current: own.find((version) => version.version === row.currentVersion) ?? own[0]!,
    versions: own,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function caseDocuments(db: DbOrTx, caseId: string): Promise<CaseDocument[]> {
  const rows = await listCaseDocuments(db, caseId);
  const versions = await listVersions(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toDocument(row, versions));
}

export async function checklistOf(db: DbOrTx, found: DocCase, today = isoDay(new Date())) {
  const [applicants, documents] = await Promise.all([
    listApplicants(db, found.id),
    caseDocuments(db, found.id),
  ]);
  return buildLines({
    requirements: found.requirements,
    applicants,
    documents,
    currentStage: found.currentStage,
    targetDate: found.targetDate,
    today,
  });
}

/** The client and the applicants with accounts. */
export async function audience(db: DbOrTx, found: DocCase): Promise<string[]> {
  const applicants = await listApplicants(db, found.id);
  return [...new Set([found.clientId, ...applicants.flatMap((a) => (a.userId ? [a.userId] : []))])];
}
