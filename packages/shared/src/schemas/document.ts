import { z } from "zod";
import { isoDateTimeSchema, uuidSchema } from "./common.ts";
import { visaStageIdSchema } from "./user.ts";

/** What a document upload may be, told by its bytes (never by its name or Content-Type). */
export const DOCUMENT_CONTENT_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/heic",
  "image/webp",
] as const;
export const documentContentTypeSchema = z.enum(DOCUMENT_CONTENT_TYPES);
export type DocumentContentType = z.infer<typeof documentContentTypeSchema>;

/** The default largest upload (the server's UPLOAD_MAX_BYTES may differ; it says so in its 413). */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

// ---- Checklist requirements (kept on each visa type) --------------------------------------------

/** A requirement's stable id within its visa type (`passport`, `bank-statements`). */
export const requirementIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, "Lowercase letters, digits and dashes");

export const documentRequirementSchema = z
  .strictObject({
    id: requirementIdSchema,
    stage: visaStageIdSchema,
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).default(""),
    /** Shown beside the upload button ("colour scan of every page, under 10 MB"). */
    hint: z.string().trim().max(300).default(""),
    /** A required document blocks the stage from advancing until it is accepted or uploaded. */
    required: z.boolean().default(true),
    /** Personal documents (passports) are asked of every applicant; others once per case. */
    personal: z.boolean().default(false),
    acceptedTypes: z
      .array(documentContentTypeSchema)
      .min(1)
      .default([...DOCUMENT_CONTENT_TYPES]),
    expires: z.boolean().default(false),
    /** Months of validity it must have left beyond the case's target date (or today without one). */
    minValidityMonths: z.number().int().min(0).max(120).default(0),
  })
  .meta({ id: "DocumentRequirement" });
export type DocumentRequirement = z.output<typeof documentRequirementSchema>;
export type DocumentRequirementInput = z.input<typeof documentRequirementSchema>;

export const documentRequirementsSchema = z
  .array(documentRequirementSchema)
  .max(60)
  .refine((list) => new Set(list.map((r) => r.id)).size === list.length, "Requirement ids must be unique");

// ---- Documents ------------------------------------------------------------------------------------

export const DOCUMENT_STATUSES = ["uploaded", "accepted", "rejected"] as const;
export const documentStatusSchema = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** A checklist line's state, most urgent first as the client reads it. */
export const CHECKLIST_STATES = [
  "missing",
  "rejected",
  "expired",
  "expiring",
  "uploaded",
  "accepted",
] as const;
export const checklistStateSchema = z.enum(CHECKLIST_STATES);
export type ChecklistState = z.infer<typeof checklistStateSchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const documentVersionSchema = z
  .object({
    id: uuidSchema,
    version: z.number().int().min(1),
    fileName: z.string().nullable(),
    contentType: documentContentTypeSchema,
    sizeBytes: z.number().int(),
    status: documentStatusSchema,
    /** Why staff rejected it, in words the client reads. */
    reviewReason: z.string().nullable(),
    reviewedAt: isoDateTimeSchema.nullable(),
    uploadedBy: personSchema.nullable(),
    uploadedAt: isoDateTimeSchema,
  })
  .meta({ id: "DocumentVersion" });
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const caseDocumentSchema = z
  .object({
    id: uuidSchema,
    caseId: uuidSchema,
    requirementId: z.string(),
    applicantId: uuidSchema.nullable(),
    status: documentStatusSchema,
    expiresOn: z.iso.date().nullable(),
    /** The last day the document meets its requirement's validity rule (null when it does not expire). */
    validUntil: z.iso.date().nullable(),
    current: documentVersionSchema,
    versions: z.array(documentVersionSchema),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseDocument" });
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const checklistLineSchema = z
  .object({
    requirement: documentRequirementSchema,
    applicant: z.object({ id: uuidSchema, name: z.string() }).nullable(),
    state: checklistStateSchema,
    /** Needed at the case's current stage (or an earlier one), so it is wanted now. */
    neededNow: z.boolean(),
    document: caseDocumentSchema.nullable(),
  })
  .meta({ id: "ChecklistLine" });
export type ChecklistLine = z.infer<typeof checklistLineSchema>;

export const caseChecklistSchema = z
  .object({
    caseId: uuidSchema,
    currentStage: visaStageIdSchema,
    lines: z.array(checklistLineSchema),
    /** Whether the case's documents are shared with the partner it came from (the client agreed). */
    sharing: z
      .object({ partnerOrganizationId: uuidSchema, partnerName: z.string(), shared: z.boolean() })
      .nullable(),
    maxBytes: z.number().int(),
  })
  .meta({ id: "CaseChecklist" });
export type CaseChecklist = z.infer<typeof caseChecklistSchema>;

/** The multipart fields beside the file of `POST /api/cases/:id/documents`. */
export const uploadDocumentFieldsSchema = z
  .strictObject({
    requirementId: requirementIdSchema,
    applicantId: uuidSchema.optional(),
    expiresOn: z.iso.date().optional(),
  })
  .meta({ id: "UploadDocumentFields" });
export type UploadDocumentFields = z.infer<typeof uploadDocumentFieldsSchema>;

export const reviewDocumentSchema = z
  .strictObject({
    decision: z.enum(["accepted", "rejected"]),
    reason: z.string().trim().min(1).max(500).optional(),
    /** Staff may set or correct the expiry date while reviewing. */
    expiresOn: z.iso.date().optional(),
  })
  .refine((value) => value.decision !== "rejected" || value.reason, {
    message: "Say why it is rejected: the client reads it",
    path: ["reason"],
  })
  .meta({ id: "ReviewDocumentData" });
export type ReviewDocumentData = z.infer<typeof reviewDocumentSchema>;

export const documentDownloadQuerySchema = z.object({
  versionId: uuidSchema.optional(),
  /** `inline` for previews in the page; `attachment` (default) to save. */
  disposition: z.enum(["inline", "attachment"]).optional(),
  /** `json` answers the signed URL instead of redirecting to it (for previews). */
  format: z.enum(["redirect", "json"]).optional(),
});

export const documentLinkSchema = z
  .object({ url: z.string(), expiresAt: isoDateTimeSchema })
  .meta({ id: "DocumentLink" });

export const expiringQuerySchema = z.object({
  withinDays: z.coerce.number().int().min(1).max(365).default(30),
});

export const expiringDocumentSchema = z
  .object({
    documentId: uuidSchema,
    caseId: uuidSchema,
    caseNumber: z.string(),
    clientName: z.string(),
    requirementName: z.string(),
    applicantName: z.string().nullable(),
    expiresOn: z.iso.date(),
    validUntil: z.iso.date(),
    daysLeft: z.number().int(),
  })
  .meta({ id: "ExpiringDocument" });
export type ExpiringDocument = z.infer<typeof expiringDocumentSchema>;

export const documentSharingSchema = z
  .strictObject({ shared: z.boolean() })
  .meta({ id: "DocumentSharingData" });

/** The requirements' names by stage: the visa type's `stageDocuments` list, kept in step with them. */
export function documentNamesByStage(
  requirements: readonly Pick<DocumentRequirement, "stage" | "name">[],
): Partial<Record<DocumentRequirement["stage"], string[]>> {
  const byStage: Partial<Record<DocumentRequirement["stage"], string[]>> = {};
  for (const requirement of requirements) {
    byStage[requirement.stage] = [...(byStage[requirement.stage] ?? []), requirement.name];
  }
  return byStage;
}
