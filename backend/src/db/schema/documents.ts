import type { DocumentStatus } from "@referral-app/shared/schemas/document";
import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { caseApplicants, cases } from "./cases.ts";
import { storedFiles } from "./files.ts";
import { partnerOrganizations } from "./partners.ts";

/**
 * A case's document for one checklist line (a requirement of its visa type, and the applicant for
 * personal ones). Its state is its current version's; earlier versions are kept.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    requirementId: text("requirement_id").notNull(),
    applicantId: uuid("applicant_id").references(() => caseApplicants.id, { onDelete: "cascade" }),
    currentVersion: integer("current_version").notNull().default(1),
    status: text("status").$type<DocumentStatus>().notNull().default("uploaded"),
    expiresOn: date("expires_on", { mode: "string" }),
    /** The last day it meets its requirement's validity rule: what the expiry reminders count down to. */
    validUntil: date("valid_until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One document per line: a new upload is a new version of it.
    uniqueIndex("documents_line_unique").on(
      t.caseId,
      t.requirementId,
      sql`coalesce(${t.applicantId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
    index("documents_valid_until_idx").on(t.validUntil).where(sql`${t.validUntil} is not null`),
  ],
);

export const documentVersions = pgTable(
  "document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      // No action (checked at the end of the statement): deleting an account cascades to both.
      .references(() => storedFiles.id),
    status: text("status").$type<DocumentStatus>().notNull().default("uploaded"),
    reviewReason: text("review_reason"),
    reviewedBy: text("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("document_versions_unique").on(t.documentId, t.version)],
);

/** One row per reminder sent: (document, days before, the date counted down to) at most once. */
export const documentExpiryReminders = pgTable(
  "document_expiry_reminders",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    daysBefore: integer("days_before").notNull(),
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.daysBefore, t.validUntil] })],
);

/**
 * The client's consent to share a case's documents with the partner organisation the case came
 * from (kept when withdrawn: `revoked_at`).
 */
export const documentShareConsents = pgTable("document_share_consents", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  partnerOrganizationId: uuid("partner_organization_id")
    .notNull()
    .references(() => partnerOrganizations.id, { onDelete: "cascade" }),
  consentedBy: text("consented_by").references(() => users.id, { onDelete: "set null" }),
  consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
