import type {
  DataExportState,
  ReferralReviewReason,
  ReferralReviewState,
  ReferrerVisibilityLevel,
} from "@referral-app/shared/constants";
import type { LegalHold } from "@referral-app/shared/schemas/privacy";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { storedFiles } from "./files.ts";
import { partnerOrganizations } from "./partners.ts";
import { referrals } from "./referrals.ts";

/** What a referred person lets their referrer see; no row means the default (`signed_up`). */
export const referrerVisibility = pgTable("referrer_visibility", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  level: text("level").$type<ReferrerVisibilityLevel>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** More than the referrer's level, agreed by the client for one partner organisation. */
export const partnerVisibilityGrants = pgTable(
  "partner_visibility_grants",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => partnerOrganizations.id, { onDelete: "cascade" }),
    level: text("level").$type<ReferrerVisibilityLevel>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.partnerOrganizationId] })],
);

/** The staff review queue: referrals a fraud rule flagged, never rejected silently. */
export const referralReviews = pgTable(
  "referral_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    /** The earlier referral of the same person (collisions). */
    conflictingReferralId: uuid("conflicting_referral_id").references(() => referrals.id, {
      onDelete: "set null",
    }),
    reason: text("reason").$type<ReferralReviewReason>().notNull(),
    state: text("state").$type<ReferralReviewState>().notNull().default("open"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    resolutionReason: text("resolution_reason"),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("referral_reviews_referral_reason_unique").on(t.referralId, t.reason),
    index("referral_reviews_state_created_idx").on(t.state, t.createdAt),
    index("referral_reviews_conflicting_idx").on(t.conflictingReferralId),
  ],
);

/** "Download my data" requests; the zip is a stored file, downloadable until `expires_at`. */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    state: text("state").$type<DataExportState>().notNull().default("queued"),
    jobId: text("job_id"),
    fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    error: text("error"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("data_exports_user_created_idx").on(t.userId, t.createdAt)],
);

/** "Delete my account": carried out at `scheduled_for` unless cancelled; holds say what is kept. */
export const accountDeletions = pgTable(
  "account_deletions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    state: text("state").$type<"scheduled" | "completed" | "cancelled">().notNull().default("scheduled"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    holds: jsonb("holds").$type<LegalHold[]>().notNull().default([]),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("account_deletions_one_scheduled").on(t.userId).where(sql`${t.state} = 'scheduled'`),
    index("account_deletions_due_idx").on(t.scheduledFor).where(sql`${t.state} = 'scheduled'`),
  ],
);

/** Consent given or withdrawn, append-only: the latest row per kind is the current answer. */
export const consentRecords = pgTable(
  "consent_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"marketing">().notNull(),
    granted: boolean("granted").notNull(),
    textVersion: text("text_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consent_records_user_kind_idx").on(t.userId, t.kind, t.createdAt)],
);

/** Analytics events past retention, kept only as daily counts per event name. */
export const analyticsDailyCounts = pgTable(
  "analytics_daily_counts",
  {
    day: date("day", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.name] })],
);
