import { z } from "zod";
import { CASE_OUTCOMES, CASE_TASK_STATES, DEPENDANT_RELATIONSHIPS, NOTE_VISIBILITIES } from "../constants.ts";
import { countrySchema, nameSchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";
import { documentRequirementSchema, documentRequirementsSchema } from "./document.ts";
import { visaStageIdSchema } from "./user.ts";
import { visaStageSchema } from "./visa.ts";

// The visa case: the consultancy's CRM core. A client may hold several cases; each has a visa
// type from the staff-kept catalogue, a consultant, applicants, stages, notes, tasks and an outcome.

export const caseOutcomeSchema = z.enum(CASE_OUTCOMES);
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;
export const noteVisibilitySchema = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof noteVisibilitySchema>;
export const caseTaskStateSchema = z.enum(CASE_TASK_STATES);
export type CaseTaskState = z.infer<typeof caseTaskStateSchema>;
export const dependantRelationshipSchema = z.enum(DEPENDANT_RELATIONSHIPS);
export type DependantRelationship = z.infer<typeof dependantRelationshipSchema>;

/** `RC-2026-00042`: the year the case was opened and a running number. */
export const caseNumberSchema = z.string().regex(/^RC-\d{4}-\d{5,}$/);

// ---- Visa-type catalogue ------------------------------------------------------------------------

const documentNameSchema = z.string().trim().min(1).max(120);

/** The documents each stage needs, by stage id (stages with none may be left out). */
export const stageDocumentsSchema = z
  .partialRecord(visaStageIdSchema, z.array(documentNameSchema).max(30))
  .meta({ id: "StageDocuments" });
export type StageDocuments = z.infer<typeof stageDocumentsSchema>;

export const visaTypeSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    destinationCountry: z.string().nullable(),
    description: z.string(),
    stageDocuments: stageDocumentsSchema,
    /** The checklist: what each stage asks for, in detail (stageDocuments lists their names). */
    documentRequirements: z.array(documentRequirementSchema),
    /** Retired types stay on their cases but are not offered for new ones. */
    active: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "VisaType" });
export type VisaType = z.infer<typeof visaTypeSchema>;

export const createVisaTypeSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    destinationCountry: countrySchema.nullable().optional(),
    description: z.string().trim().max(2000).default(""),
    stageDocuments: stageDocumentsSchema.default({}),
    documentRequirements: documentRequirementsSchema.optional(),
  })
  .meta({ id: "CreateVisaTypeData" });
export type CreateVisaTypeData = z.input<typeof createVisaTypeSchema>;

export const updateVisaTypeSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    destinationCountry: countrySchema.nullable().optional(),
    description: z.string().trim().max(2000).optional(),
    stageDocuments: stageDocumentsSchema.optional(),
    documentRequirements: documentRequirementsSchema.optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: "UpdateVisaTypeData" });
export type UpdateVisaTypeData = z.infer<typeof updateVisaTypeSchema>;

/** `GET /api/visa-types`: active types; staff may ask for retired ones too. */
export const visaTypeListQuerySchema = z.object({ includeRetired: z.stringbool().optional() });
export type VisaTypeListQuery = z.input<typeof visaTypeListQuerySchema>;

// ---- People on a case ---------------------------------------------------------------------------

/** A staff member as a case shows them. `id` is sent to staff only: clients never see staff ids. */
export const consultantSchema = z
  .object({
    id: idSchema.optional(),
    name: z.string(),
    email: z.string(),
  })
  .meta({ id: "Consultant" });
export type Consultant = z.infer<typeof consultantSchema>;

export const caseApplicantSchema = z
  .object({
    id: uuidSchema,
    kind: z.enum(["principal", "dependant"]),
    fullName: z.string(),
    /** Null for the principal. */
    relationship: dependantRelationshipSchema.nullable(),
    dateOfBirth: z.iso.date().nullable(),
    /** True when the applicant has their own account (and so sees the case). */
    hasAccount: z.boolean(),
    email: z.string().nullable(),
  })
  .meta({ id: "CaseApplicant" });
export type CaseApplicant = z.infer<typeof caseApplicantSchema>;

/** A dependant as staff enter them; an e-mail that belongs to a client account links that account. */
export const dependantInputSchema = z
  .strictObject({
    fullName: nameSchema,
    relationship: dependantRelationshipSchema,
    dateOfBirth: z.iso.date().nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .meta({ id: "DependantInput" });
export type DependantInput = z.infer<typeof dependantInputSchema>;

// ---- Cases --------------------------------------------------------------------------------------

/** A case in lists (the client's "Your cases", the staff list and board). */
export const caseSummarySchema = z
  .object({
    id: uuidSchema,
    number: caseNumberSchema,
    client: z.object({ id: idSchema, name: z.string(), email: z.string() }),
    visaType: z.object({ id: uuidSchema, name: z.string() }),
    destinationCountry: z.string().nullable(),
    targetDate: z.iso.date().nullable(),
    currentStage: visaStageIdSchema,
    stageEnteredAt: isoDateTimeSchema,
    percentComplete: z.number().min(0).max(100),
    consultant: consultantSchema.nullable(),
    outcome: caseOutcomeSchema.nullable(),
    decidedAt: z.iso.date().nullable(),
    /** Decided cases are closed: read-only until reopened. */
    closed: z.boolean(),
    applicantCount: z.number().int().min(1),
    openTasks: z.number().int().min(0),
    overdueTasks: z.number().int().min(0),
    /** The case of a friend someone referred. */
    fromReferral: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseSummary" });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseStageChangeSchema = z
  .object({
    id: uuidSchema,
    fromStage: visaStageIdSchema.nullable(),
    toStage: visaStageIdSchema,
    /** The note to the client written with the change. */
    note: z.string().nullable(),
    changedByName: z.string().nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseStageChange" });
export type CaseStageChange = z.infer<typeof caseStageChangeSchema>;

/** `GET /api/cases/:id`: one case with its stages (dated), applicants and history. */
export const visaCaseSchema = caseSummarySchema
  .extend({
    visaType: visaTypeSchema,
    stages: z.array(visaStageSchema).length(5),
    history: z.array(caseStageChangeSchema),
    applicants: z.array(caseApplicantSchema).min(1),
  })
  .meta({ id: "VisaCase" });
export type VisaCase = z.infer<typeof visaCaseSchema>;

/** Staff: `POST /api/admin/cases`. Without `consultantId` the case goes round-robin. */
export const createCaseSchema = z
  .strictObject({
    clientId: idSchema,
    visaTypeId: uuidSchema,
    destinationCountry: countrySchema.nullable().optional(),
    targetDate: z.iso.date().nullable().optional(),
    consultantId: idSchema.nullable().optional(),
    dependants: z.array(dependantInputSchema).max(12).default([]),
  })
  .meta({ id: "CreateCaseData" });
export type CreateCaseData = z.input<typeof createCaseSchema>;

/** Staff: `PATCH /api/admin/cases/:id`. `dependants` replaces the list; `consultantId: null` unassigns. */
export const updateCaseSchema = z
  .strictObject({
    consultantId: idSchema.nullable().optional(),
    targetDate: z.iso.date().nullable().optional(),
    visaTypeId: uuidSchema.optional(),
    destinationCountry: countrySchema.nullable().optional(),
    dependants: z.array(dependantInputSchema).max(12).optional(),
  })
  .meta({ id: "UpdateCaseData" });
export type UpdateCaseData = z.infer<typeof updateCaseSchema>;

/** Staff: `POST /api/admin/cases/:id/stage`. The note is shown to the client. */
export const setCaseStageSchema = z
  .strictObject({
    stage: visaStageIdSchema,
    note: z.string().trim().max(1000).optional(),
    /** Staff move on although required documents are missing or rejected; the note says why (audited). */
    overrideDocuments: z.boolean().optional(),
  })
  .refine((value) => !value.overrideDocuments || value.note, {
    message: "Say why the stage moves on without its documents",
    path: ["note"],
  })
  .meta({ id: "SetCaseStageData" });
export type SetCaseStageData = z.infer<typeof setCaseStageSchema>;

/** Staff: `POST /api/admin/cases/:id/outcome`: decides and closes the case. */
export const setCaseOutcomeSchema = z
  .strictObject({
    outcome: caseOutcomeSchema,
    decidedAt: z.iso.date(),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "SetCaseOutcomeData" });
export type SetCaseOutcomeData = z.infer<typeof setCaseOutcomeSchema>;

/** Staff: `POST /api/admin/cases/:id/reopen`: audited with its reason. */
export const reopenCaseSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(1000) })
  .meta({ id: "ReopenCaseData" });
export type ReopenCaseData = z.infer<typeof reopenCaseSchema>;

/** Staff: `GET /api/admin/cases`, cursor-paged. `consultantId` also takes `me` and `unassigned`. */
export const adminCaseListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: visaStageIdSchema.optional(),
  consultantId: z.union([z.literal("me"), z.literal("unassigned"), idSchema]).optional(),
  visaTypeId: uuidSchema.optional(),
  overdueTasks: z.stringbool().optional(),
  state: z.enum(["open", "decided", "all"]).default("open"),
  sort: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminCaseListQuery = z.input<typeof adminCaseListQuerySchema>;

// ---- Notes and tasks ----------------------------------------------------------------------------

export const caseNoteSchema = z
  .object({
    id: uuidSchema,
    caseId: uuidSchema,
    body: z.string(),
    visibility: noteVisibilitySchema,
    authorName: z.string().nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseNote" });
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const createCaseNoteSchema = z
  .strictObject({ body: z.string().trim().min(1).max(5000), visibility: noteVisibilitySchema })
  .meta({ id: "CreateCaseNoteData" });
export type CreateCaseNoteData = z.infer<typeof createCaseNoteSchema>;

/** Who does a task: the case's client, or a staff member (by id). */
export const taskAssigneeInputSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("client") }),
    z.strictObject({ kind: z.literal("staff"), userId: idSchema }),
  ])
  .meta({ id: "TaskAssigneeInput" });
export type TaskAssigneeInput = z.infer<typeof taskAssigneeInputSchema>;

export const caseTaskSchema = z
  .object({
    id: uuidSchema,
    caseId: uuidSchema,
    caseNumber: caseNumberSchema,
    title: z.string(),
    assignee: z.object({ kind: z.enum(["client", "staff"]), name: z.string(), id: idSchema.optional() }),
    dueAt: isoDateTimeSchema,
    state: caseTaskStateSchema,
    overdue: z.boolean(),
    /** True when the caller may complete it (the assignee, or staff). */
    canComplete: z.boolean(),
    completedAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseTask" });
export type CaseTask = z.infer<typeof caseTaskSchema>;

export const createCaseTaskSchema = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    assignee: taskAssigneeInputSchema,
    dueAt: isoDateTimeSchema,
  })
  .meta({ id: "CreateCaseTaskData" });
export type CreateCaseTaskData = z.infer<typeof createCaseTaskSchema>;

/** `GET /api/users/:id/tasks` and `GET /api/cases/:id/tasks`. */
export const caseTaskListQuerySchema = z.object({ state: caseTaskStateSchema.optional() });
export type CaseTaskListQuery = z.input<typeof caseTaskListQuerySchema>;

// ---- Timeline -----------------------------------------------------------------------------------

export const CASE_TIMELINE_KINDS = [
  "opened",
  "stage_changed",
  "note_added",
  "task_created",
  "task_completed",
  "consultant_assigned",
  "details_changed",
  "outcome_decided",
  "reopened",
  "message",
  /** The stage invoice was paid in full: `data` { invoiceId, invoiceNumber }. */
  "payment_completed",
] as const;
export const caseTimelineKindSchema = z.enum(CASE_TIMELINE_KINDS);
export type CaseTimelineKind = z.infer<typeof caseTimelineKindSchema>;

/**
 * One entry of a case's timeline. Clients get only the entries meant for them. `data` by kind:
 * opened `{ toStage, consultantName }`; stage_changed `{ fromStage, toStage, note? }`; note_added
 * `{ noteId }`; task_created `{ taskId, title, dueAt, assigneeKind }`; task_completed `{ taskId, title }`;
 * consultant_assigned `{ consultantName, previousConsultantName }`; details_changed `{ fields }`;
 * outcome_decided `{ outcome, decidedAt, note? }`; reopened `{ previousOutcome, previousDecidedAt, reason }`
 * (internal); message `{ conversationId, messageId, firstLine }` (a consultation message, listed only
 * to the conversation's participants, never stored in the timeline). Client-visible entries never
 * carry staff ids.
 */
export const caseTimelineEntrySchema = z
  .object({
    id: uuidSchema,
    kind: caseTimelineKindSchema,
    /** A sentence in English for logs and exports; apps build their own words from `kind` + `data`. */
    summary: z.string(),
    data: z.record(z.string(), z.unknown()),
    actorName: z.string().nullable(),
    visibility: noteVisibilitySchema,
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseTimelineEntry" });
export type CaseTimelineEntry = z.infer<typeof caseTimelineEntrySchema>;

// ---- Staff --------------------------------------------------------------------------------------

export const staffRoleSchema = z.enum(["staff", "admin"]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const staffMemberSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: staffRoleSchema,
    active: z.boolean(),
    /** Invited but has not set a password yet. */
    invited: z.boolean(),
    openCases: z.number().int().min(0),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const inviteStaffSchema = z
  .strictObject({ email: z.email().max(254), name: nameSchema, role: staffRoleSchema.default("staff") })
  .meta({ id: "InviteStaffData" });
export type InviteStaffData = z.input<typeof inviteStaffSchema>;

export const updateStaffSchema = z
  .strictObject({ role: staffRoleSchema.optional(), active: z.boolean().optional() })
  .refine((value) => value.role !== undefined || value.active !== undefined, {
    message: "Change the role or the active state",
  })
  .meta({ id: "UpdateStaffData" });
export type UpdateStaffData = z.infer<typeof updateStaffSchema>;

/** Admin settings: `GET`/`PATCH /api/admin/settings`. */
export const consultancySettingsSchema = z
  .object({
    /** Business days (Monday to Friday) staff have to contact a new referral. */
    referralContactBusinessDays: z.number().int().min(1).max(30),
    /** More referrals than this from one referrer in a day go to the review queue. */
    maxReferralsPerDay: z.number().int().min(1).max(1000),
    /** A decided case's documents are deleted this many months after the decision. */
    caseDocumentRetentionMonths: z.number().int().min(1).max(240),
    /** Invoices are kept this long (accounting law): a legal hold on account deletion. */
    invoiceRetentionYears: z.number().int().min(1).max(30),
    notificationRetentionDays: z.number().int().min(30).max(3650),
    /** Analytics events are aggregated into daily counts, then dropped, after this many months. */
    analyticsRetentionMonths: z.number().int().min(1).max(120),
    /** On invoices, receipts and statements. */
    businessName: z.string().trim().min(1).max(120),
    businessAddress: z.string().trim().max(500),
    /** A small PNG or JPEG as a data URL (printed on PDFs), or null. */
    logoDataUrl: z
      .string()
      .max(300_000)
      .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/, "A PNG or JPEG data URL")
      .nullable(),
    /** The one-line promise under the name on the client landing page ("" shows none). */
    tagline: z.string().trim().max(140),
    /** Tax rates invoice lines may carry; none by default. */
    taxRates: z
      .array(
        z.object({
          id: z.string().trim().min(1).max(40),
          name: z.string().trim().min(1).max(80),
          rateBps: z.number().int().min(0).max(10_000),
        }),
      )
      .max(20),
    /** What the manual gateway tells a client paying by bank transfer, cash or card terminal. */
    paymentInstructions: z.string().trim().max(2000),
    /** Business hours (Monday to Friday, 09:00–17:00 UTC) staff have to answer a support question. */
    supportFirstResponseHours: z.number().int().min(1).max(80),
  })
  .meta({ id: "ConsultancySettings" });
export type ConsultancySettings = z.infer<typeof consultancySettingsSchema>;

export const updateConsultancySettingsSchema = consultancySettingsSchema
  .partial()
  .strict()
  .meta({ id: "UpdateConsultancySettingsData" });
export type UpdateConsultancySettingsData = z.infer<typeof updateConsultancySettingsSchema>;

/** Public: `GET /api/branding`, what the landing page shows before anyone signs in. */
export const brandingSchema = z
  .object({
    name: z.string(),
    logoDataUrl: z.string().nullable(),
    tagline: z.string(),
  })
  .meta({ id: "Branding" });
export type Branding = z.infer<typeof brandingSchema>;

// ---- Analytics ----------------------------------------------------------------------------------

export const caseAnalyticsSchema = z
  .object({
    /** Days spent in each stage, per visa type (left stages only). */
    stageDurations: z.array(
      z.object({
        visaTypeId: uuidSchema,
        visaTypeName: z.string(),
        stage: visaStageIdSchema,
        cases: z.number().int().min(0),
        medianDays: z.number().min(0),
        p90Days: z.number().min(0),
      }),
    ),
    consultants: z.array(
      z.object({
        name: z.string(),
        id: idSchema.nullable(),
        openCases: z.number().int().min(0),
        overdueTasks: z.number().int().min(0),
      }),
    ),
    outcomes: z.array(
      z.object({
        visaTypeId: uuidSchema,
        visaTypeName: z.string(),
        granted: z.number().int().min(0),
        refused: z.number().int().min(0),
        withdrawn: z.number().int().min(0),
      }),
    ),
    referralShare: z.object({
      cases: z.number().int().min(0),
      fromReferral: z.number().int().min(0),
      /** fromReferral / cases, 0 when there are none. */
      share: z.number().min(0).max(1),
    }),
  })
  .meta({ id: "CaseAnalytics" });
export type CaseAnalytics = z.infer<typeof caseAnalyticsSchema>;
