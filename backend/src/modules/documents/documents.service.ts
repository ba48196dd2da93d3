import type { Readable } from "node:stream";
import { isStaffRole, type VisaStageId } from "@referral-app/shared/constants";
import {
  type CaseChecklist,
  type CaseDocument,
  DOCUMENT_CONTENT_TYPES,
  type ExpiringDocument,
  type ReviewDocumentData,
  type UploadDocumentFields,
} from "@referral-app/shared/schemas/document";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { type IdempotentResult, runIdempotent } from "../../lib/idempotency.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { removeStoredFile, type StoredUpload, storeUpload } from "../files/files.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { audience, caseFor, checklistOf, toDocument } from "./document-reads.ts";
import { blockingLines, isoDay, lineName, validUntilOf } from "./document-rules.ts";
import { checkUpload, invalid, type Requirement } from "./document-upload-fields.ts";
import {
  type DocCase,
  type DocumentRow,
  deleteDocumentRow,
  findConsent,
  findDocCase,
  findDocumentRow,
  findLineDocument,
  insertDocument,
  insertVersion,
  listApplicants,
  listValidUntilBetween,
  listVersions,
  partnerName,
  reviewCurrentVersion,
  saveConsent,
  updateDocument,
} from "./documents.repository.ts";

export { remindExpiringDocuments } from "./document-reminders.ts";
export { type PurgedDocuments, purgeDecidedCaseDocuments } from "./document-retention.ts";
export { streamCaseZip } from "./document-zip.ts";

/** Signed download links live this long: enough to start the download, too short to pass around. */
export const LINK_SECONDS = 300;

export async function getChecklist(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseChecklist> {
  const found = await caseFor(ctx.db, actor, caseId);
  const lines = await checklistOf(ctx.db, found);
  const consent = await findConsent(ctx.db, found.id);
  const sharing = found.partnerOrganizationId
    ? {
        partnerOrganizationId: found.partnerOrganizationId,
        partnerName: await partnerName(ctx.db, found.partnerOrganizationId),
        shared: consent !== null && consent.revokedAt === null,
      }
    : null;
  // Partners read only what was shared: lines with a document.
  const visible = actor.role === "partner" ? lines.filter((line) => line.document) : lines;
  return {
    caseId: found.id,
    currentStage: found.currentStage,
    lines: visible,
    sharing: actor.role === "partner" ? null : sharing,
    maxBytes: ctx.config.uploadMaxBytes,
  };
}

async function documentFor(ctx: AppContext, actor: Actor, id: string, db: DbOrTx = ctx.db) {
  const row = await findDocumentRow(db, id);
  if (!row) throw notFound("Document");
  await caseFor(db, actor, row.caseId).catch(() => {
    throw notFound("Document");
  });
  const versions = await listVersions(db, [row.id]);
  return { row, versions, document: toDocument(row, versions) };
}

export async function getDocument(ctx: AppContext, actor: Actor, id: string): Promise<CaseDocument> {
  return (await documentFor(ctx, actor, id)).document;
}

/**
 * An upload against a checklist line. The file streams to the storage first (it is the first part
 * of the form), then the fields are checked; any refusal removes what was stored. With an
 * Idempotency-Key (the phone's retries) the key is claimed in the transaction that files the
 * version: a retry of the same file answers the first upload's document, and its copy is removed.
 */
export async function uploadDocument(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  receive: (
    store: (stream: Readable, fileName: string | null) => Promise<StoredUpload>,
  ) => Promise<{ stored: StoredUpload; fields: Record<string, string> }>,
  idempotencyKey?: string,
): Promise<IdempotentResult<CaseDocument>> {
  const found = await caseFor(ctx.db, actor, caseId);
  if (actor.role === "partner") throw notFound("Case");
  if (found.outcome !== null) throw new DomainError("CASE_CLOSED", `Case ${found.number} is decided`);
  const { stored, fields } = await receive((stream, fileName) =>
    storeUpload(ctx, stream, {
      ownerId: found.clientId,
      purpose: "document",
      fileName,
      accept: DOCUMENT_CONTENT_TYPES,
      maxBytes: ctx.config.uploadMaxBytes,
      messages: { unsupported: "Upload a PDF, JPEG, PNG, HEIC or WebP file" },
    }),
  );
  let result: IdempotentResult<CaseDocument>;
  try {
    const { input, requirement } = checkUpload(found, stored, fields);
    result = await runIdempotent<CaseDocument>(
      ctx.db,
      {
        userId: actor.id,
        scope: `documents.upload:${found.id}`,
        key: idempotencyKey,
        // The file's hash is part of the request: the same key with another file is a 422.
        body: { ...input, sha256: stored.sha256 },
      },
      async (tx) => {
        const id = await fileVersion(ctx, tx, actor, found, stored, input, requirement);
        return { statusCode: 201, body: (await documentFor(ctx, actor, id, tx)).document };
      },
    );
  } catch (error) {
    await removeStoredFile(ctx, stored.id);
    throw error;
  }
  if (result.replayed) await removeStoredFile(ctx, stored.id);
  return result;
}

/** Files the stored upload as the line's next version (or its first document), audited and notified. */
async function fileVersion(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  found: DocCase,
  stored: StoredUpload,
  input: UploadDocumentFields,
  requirement: Requirement,
): Promise<string> {
  const applicantId = input.applicantId ?? null;
  const applicants = await listApplicants(tx, found.id);
  if (requirement.personal && !applicants.some((a) => a.id === applicantId)) {
    throw invalid("applicantId", "Say whose document this is");
  }
  if (!requirement.personal && applicantId) throw invalid("applicantId", "This document is not personal");
  const expiresOn = requirement.expires ? (input.expiresOn ?? null) : null;
  const validUntil = validUntilOf(requirement, expiresOn);
  const existing = await findLineDocument(tx, {
    caseId: found.id,
    requirementId: requirement.id,
    applicantId,
  });
  const version = existing ? existing.currentVersion + 1 : 1;
  let doc: DocumentRow;
  if (existing) {
    await updateDocument(tx, existing.id, {
      currentVersion: version,
      status: "uploaded",
      expiresOn,
      validUntil,
    });
    doc = existing;
  } else {
    doc = await insertDocument(tx, {
      caseId: found.id,
      requirementId: requirement.id,
      applicantId,
      expiresOn,
      validUntil,
    });
  }
  await insertVersion(tx, { documentId: doc.id, version, fileId: stored.id, uploadedBy: actor.id });
  await writeAudit(tx, {
    actorId: actor.id,
    action: "document.uploaded",
    entityType: "document",
    entityId: doc.id,
    after: { caseId: found.id, requirementId: requirement.id, applicantId, version, fileId: stored.id },
  });
  const staff = isStaffRole(actor.role);
  const who = applicants.find((a) => a.id === applicantId)?.name;
  const name = who ? `${requirement.name} (${who})` : requirement.name;
  const recipients = staff ? await audience(tx, found) : found.consultantId ? [found.consultantId] : [];
  for (const userId of recipients.filter((id) => id !== actor.id)) {
    await enqueueNotification(ctx, tx, {
      userId,
      type: "status_update",
      title: staff ? `We added ${name} to your case` : `New document: ${name}`,
      body: `Case ${found.number}: ${name}, version ${version}.`,
      data: { kind: "document", caseId: found.id, documentId: doc.id },
      dedupeKey: `document:${doc.id}:v${version}:uploaded:${userId}`,
    });
  }
  return doc.id;
}

export async function reviewDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ReviewDocumentData,
): Promise<CaseDocument> {
  await ctx.db.transaction(async (tx) => {
    const row = await findDocumentRow(tx, id, { forUpdate: true });
    if (!row) throw notFound("Document");
    const found = (await findDocCase(tx, row.caseId))!;
    const requirement = found.requirements.find((r) => r.id === row.requirementId);
    const reason = input.decision === "rejected" ? (input.reason ?? null) : (input.reason ?? null);
    const versionId = await reviewCurrentVersion(tx, row, {
      status: input.decision,
      reason,
      reviewedBy: actor.id,
    });
    const expiresOn = input.expiresOn !== undefined && requirement?.expires ? input.expiresOn : row.expiresOn;
    await updateDocument(tx, row.id, {
      status: input.decision,
      expiresOn,
      validUntil: validUntilOf(requirement, expiresOn),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `document.${input.decision}`,
      entityType: "document",
      entityId: row.id,
      before: { status: row.status },
      after: { status: input.decision, reason, version: row.currentVersion, versionId },
    });
    const name = requirement?.name ?? "A document";
    for (const userId of await audience(tx, found)) {
      await enqueueNotification(ctx, tx, {
        userId,
        type: "status_update",
        title: input.decision === "accepted" ? `${name} accepted` : `${name} needs a new upload`,
        body:
          input.decision === "accepted"
            ? `Case ${found.number}: ${name} is accepted.`
            : `Case ${found.number}: ${reason}`,
        data: { kind: "document", caseId: found.id, documentId: row.id },
        dedupeKey: `document:${row.id}:${versionId}:${input.decision}:${userId}`,
      });
    }
  });
  return getDocument(ctx, actor, id);
}

/** Staff only, audited: the document, every version and their files. */
export async function deleteDocument(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const fileIds = await ctx.db.transaction(async (tx) => {
    const row = await findDocumentRow(tx, id, { forUpdate: true });
    if (!row) throw notFound("Document");
    const versions = await listVersions(tx, [row.id]);
    await deleteDocumentRow(tx, row.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "document.deleted",
      entityType: "document",
      entityId: row.id,
      before: { caseId: row.caseId, requirementId: row.requirementId, versions: versions.length },
    });
    return versions.map((version) => version.fileId);
  });
  for (const fileId of fileIds) await removeStoredFile(ctx, fileId);
}

/** A short-lived signed link to one version (the current one by default); each is audited. */
export async function downloadLink(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { versionId?: string | undefined; disposition: "inline" | "attachment" },
): Promise<{ url: string; expiresAt: string }> {
  const { row, versions } = await documentFor(ctx, actor, id);
  const version = options.versionId
    ? versions.find((v) => v.id === options.versionId)
    : versions.find((v) => v.version === row.currentVersion);
  if (!version?.storageKey) throw notFound("Document version");
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "document.downloaded",
    entityType: "document",
    entityId: row.id,
    after: { versionId: version.id, version: version.version, disposition: options.disposition },
  });
  const url = await ctx.storage.signedUrl(version.storageKey, {
    expiresInSeconds: LINK_SECONDS,
    fileName: version.fileName ?? `document-v${version.version}`,
    contentType: version.contentType,
    disposition: options.disposition,
  });
  return { url, expiresAt: new Date(Date.now() + LINK_SECONDS * 1000).toISOString() };
}

export async function listExpiring(
  ctx: AppContext,
  withinDays: number,
  now = new Date(),
): Promise<ExpiringDocument[]> {
  const today = isoDay(now);
  const rows = await listValidUntilBetween(
    ctx.db,
    today,
    isoDay(new Date(now.getTime() + withinDays * 86_400_000)),
  );
  return rows.map((row) => ({
    documentId: row.documentId,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    clientName: row.clientName,
    requirementName: row.requirements.find((r) => r.id === row.requirementId)?.name ?? row.requirementId,
    applicantName: row.applicantName,
    expiresOn: row.expiresOn!,
    validUntil: row.validUntil!,
    daysLeft: Math.round((Date.parse(row.validUntil!) - Date.parse(today)) / 86_400_000),
  }));
}

/** The client shares (or stops sharing) the case's documents with the partner the case came from. */
export async function setSharing(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  shared: boolean,
): Promise<CaseChecklist> {
  const found = await caseFor(ctx.db, actor, caseId);
  if (found.clientId !== actor.id)
    throw new DomainError("FORBIDDEN", "Only the client decides what is shared");
  if (!found.partnerOrganizationId) {
    throw new DomainError(
      "UNPROCESSABLE",
      "This case did not come from a partner, so there is no one to share with",
    );
  }
  const partnerOrganizationId = found.partnerOrganizationId;
  await ctx.db.transaction(async (tx) => {
    await saveConsent(tx, { caseId: found.id, partnerOrganizationId, userId: actor.id, shared });
    await writeAudit(tx, {
      actorId: actor.id,
      action: shared ? "document.sharing_consented" : "document.sharing_revoked",
      entityType: "case",
      entityId: found.id,
      after: { partnerOrganizationId, shared },
    });
  });
  return getChecklist(ctx, actor, caseId);
}

/**
 * The stage gate, called by the case workflow inside its transaction: moving forward past a stage
 * with a required document missing or rejected answers DOCUMENTS_MISSING, unless staff override
 * with a note (audited, with the documents it skipped).
 */
export async function checkStageDocuments(
  tx: Tx,
  actor: Actor,
  move: { caseId: string; from: VisaStageId; to: VisaStageId; override: boolean; note: string | null },
): Promise<void> {
  const found = await findDocCase(tx, move.caseId);
  if (!found || found.requirements.length === 0) return;
  const blocking = blockingLines(
    await checklistOf(tx, { ...found, currentStage: move.from }),
    move.from,
    move.to,
  );
  if (blocking.length === 0) return;
  const names = blocking.map(lineName);
  if (!move.override) {
    throw new DomainError("DOCUMENTS_MISSING", `Still needed before the case moves on: ${names.join(", ")}`, {
      documents: blocking.map((line) => ({
        requirementId: line.requirement.id,
        applicantId: line.applicant?.id ?? null,
        name: lineName(line),
        state: line.state,
      })),
    });
  }
  await writeAudit(tx, {
    actorId: actor.id,
    action: "case.documents_overridden",
    entityType: "case",
    entityId: move.caseId,
    after: { from: move.from, to: move.to, note: move.note, documents: names },
  });
}
