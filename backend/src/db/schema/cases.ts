import type { CaseOutcomeId, VisaStageId } from "@referral-app/shared/constants";
import type {
  CaseTaskState,
  CaseTimelineKind,
  DependantRelationship,
  NoteVisibility,
  StageDocuments,
} from "@referral-app/shared/schemas/case";
import type { DocumentRequirement } from "@referral-app/shared/schemas/document";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

/** The visa-type catalogue staff keep. Retired types (`active` false) stay on their cases. */
export const visaTypes = pgTable(
  "visa_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    destinationCountry: text("destination_country"),
    description: text("description").notNull().default(""),
    stageDocuments: jsonb("stage_documents").$type<StageDocuments>().notNull().default({}),
    /** The checklist in detail (documents module); stage_documents holds their names by stage. */
    documentRequirements: jsonb("document_requirements").$type<DocumentRequirement[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("visa_types_name_unique").on(sql`lower(${t.name})`)],
);

/** One visa case: a client may hold several; closed once `outcome` is set. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `RC-2026-00042`, from case_number_sequences. */
    number: text("number").notNull(),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    visaTypeId: uuid("visa_type_id")
      .notNull()
      .references(() => visaTypes.id, { onDelete: "restrict" }),
    destinationCountry: text("destination_country"),
    targetDate: date("target_date", { mode: "string" }),
    currentStage: text("current_stage").$type<VisaStageId>().notNull().default("enquiry"),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    consultantId: text("consultant_id").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome").$type<CaseOutcomeId>(),
    decidedAt: date("decided_at", { mode: "string" }),
    /** When the stage invoice was paid in full: the Payment stage (the last) is then complete. */
    paymentCompletedAt: timestamp("payment_completed_at", { withTimezone: true }),
    /** When the client was last reminded of a case stuck at its stage. */
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_number_unique").on(t.number),
    // A client's cases, newest first; the primary case is their most recent open one.
    index("cases_client_created_idx").on(t.clientId, t.createdAt.desc().nullsFirst()),
    // The staff list pages newest first by (created_at, id), open cases by default, per filter.
    index("cases_open_created_idx")
      .on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.outcome} is null`),
    index("cases_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("cases_consultant_created_idx").on(
      t.consultantId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("cases_stage_created_idx").on(
      t.currentStage,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("cases_visa_type_created_idx").on(
      t.visaTypeId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("cases_number_trgm_idx").using("gin", t.number.op("gin_trgm_ops")),
  ],
);

/** The people a case is for: one principal (the client) and any dependants. */
export const caseApplicants = pgTable(
  "case_applicants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["principal", "dependant"] }).notNull(),
    /** Set when the applicant has an account: they then read the case too. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    fullName: text("full_name").notNull(),
    relationship: text("relationship").$type<DependantRelationship>(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    email: text("email"),
    position: smallint("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_applicants_case_idx").on(t.caseId, t.position),
    index("case_applicants_user_idx").on(t.userId).where(sql`${t.userId} is not null`),
    index("case_applicants_name_trgm_idx").using("gin", t.fullName.op("gin_trgm_ops")),
  ],
);

export const caseStageHistory = pgTable(
  "case_stage_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromStage: text("from_stage").$type<VisaStageId>(),
    toStage: text("to_stage").$type<VisaStageId>().notNull(),
    /** Shown to the client. */
    note: text("note"),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_stage_history_case_idx").on(t.caseId, t.createdAt)],
);

export const caseNotes = pgTable(
  "case_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    visibility: text("visibility").$type<NoteVisibility>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

export const caseTasks = pgTable(
  "case_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    assigneeKind: text("assignee_kind", { enum: ["client", "staff"] }).notNull(),
    /** The case's client for client tasks, else the staff member. */
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    state: text("state").$type<CaseTaskState>().notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completedBy: text("completed_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The UTC day the assignee was last reminded of this overdue task: one reminder a day at most. */
    lastRemindedOn: date("last_reminded_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_tasks_case_idx").on(t.caseId, t.createdAt),
    index("case_tasks_assignee_idx").on(t.assigneeId, t.state, t.dueAt),
    // Overdue scans (reminders, counts) read open tasks by due date only.
    index("case_tasks_open_due_idx").on(t.dueAt).where(sql`${t.state} = 'open'`),
    index("case_tasks_open_case_idx").on(t.caseId, t.dueAt).where(sql`${t.state} = 'open'`),
  ],
);

/** Everything that happened on a case, in order; clients see the `client` entries. */
export const caseTimeline = pgTable(
  "case_timeline",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").$type<CaseTimelineKind>().notNull(),
    summary: text("summary").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    visibility: text("visibility").$type<NoteVisibility>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_timeline_case_idx").on(t.caseId, t.createdAt, t.id)],
);

/** The last case number given out per year: numbers run RC-<year>-00001, 00002, … */
export const caseNumberSequences = pgTable("case_number_sequences", {
  year: integer("year").primaryKey(),
  lastValue: integer("last_value").notNull(),
});

/** The consultancy's settings: one row. */
export const consultancySettings = pgTable(
  "consultancy_settings",
  {
    id: smallint("id").primaryKey().default(1),
    referralContactBusinessDays: integer("referral_contact_business_days").notNull().default(2),
    /** More referrals than this from one referrer in a day go to the review queue. */
    maxReferralsPerDay: integer("max_referrals_per_day").notNull().default(10),
    /** A decided case's documents are deleted this many months after the decision. */
    caseDocumentRetentionMonths: integer("case_document_retention_months").notNull().default(24),
    /** Invoices are kept this many years (accounting law): a legal hold on account deletion. */
    invoiceRetentionYears: integer("invoice_retention_years").notNull().default(7),
    notificationRetentionDays: integer("notification_retention_days").notNull().default(365),
    /** Analytics events are aggregated into daily counts, then dropped, after this many months. */
    analyticsRetentionMonths: integer("analytics_retention_months").notNull().default(13),
    businessName: text("business_name").notNull().default("Referral Client App"),
    businessAddress: text("business_address").notNull().default(""),
    logoDataUrl: text("logo_data_url"),
    /** The one-line promise under the name on the client landing page. */
    tagline: text("tagline").notNull().default(""),
    taxRates: jsonb("tax_rates")
      .$type<{ id: string; name: string; rateBps: number }[]>()
      .notNull()
      .default([]),
    paymentInstructions: text("payment_instructions").notNull().default(""),
    /** Business hours staff have to answer a new support conversation. */
    supportFirstResponseHours: integer("support_first_response_hours").notNull().default(4),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("consultancy_settings_single_row", sql`${t.id} = 1`)],
);
