import type {
  ReferralSource,
  ReferralStatus,
  RewardStatus,
  VisaStageId,
} from "@referral-app/shared/constants";
import { sql } from "drizzle-orm";
import { bigint, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { cases } from "./cases.ts";
import { invoices } from "./invoices.ts";
import { partnerOrganizations } from "./partners.ts";

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referrerId: text("referrer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fullName: text("full_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    country: text("country"),
    relationship: text("relationship"),
    /** With the name, identifies a person referred twice without e-mail or phone in common. */
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    visaInterest: text("visa_interest"),
    notes: text("notes"),
    consent: text("consent"),
    status: text("status").$type<ReferralStatus>().notNull().default("pending"),
    source: text("source").$type<ReferralSource>().notNull().default("client"),
    partnerOrganizationId: uuid("partner_organization_id").references(() => partnerOrganizations.id, {
      onDelete: "set null",
    }),
    referredUserId: text("referred_user_id").references(() => users.id, { onDelete: "set null" }),
    convertedAt: timestamp("converted_at", { withTimezone: true }),
    /**
     * When staff should have contacted the friend: business days from the consultancy settings, set
     * by the service; rows written directly (seeds, fixtures) default to two calendar days.
     */
    contactBy: timestamp("contact_by", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '2 days'`),
    /** When a referral still pending past `contactBy` was escalated to the admins (once). */
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    /** The friend's case this referral led to (set once converted and the friend has a case). */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A referrer refers an email once, whatever its case.
    uniqueIndex("referrals_referrer_email_unique").on(t.referrerId, sql`lower(${t.email})`),
    index("referrals_referrer_created_idx").on(
      t.referrerId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("referrals_referrer_status_idx").on(t.referrerId, t.status),
    index("referrals_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("referrals_status_created_idx").on(
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("referrals_partner_created_idx").on(
      t.partnerOrganizationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("referrals_email_idx").on(sql`lower(${t.email})`),
    index("referrals_phone_idx").on(t.phone).where(sql`${t.phone} is not null`),
    // Staff search names and emails by any fragment (ILIKE '%…%'): trigram indexes keep it fast at scale.
    index("referrals_full_name_trgm_idx").using("gin", t.fullName.op("gin_trgm_ops")),
    index("referrals_email_trgm_idx").using("gin", t.email.op("gin_trgm_ops")),
    // One referral per case: the case "came from" it.
    uniqueIndex("referrals_case_unique").on(t.caseId).where(sql`${t.caseId} is not null`),
    // Escalation: pending referrals past their contact deadline.
    index("referrals_pending_contact_by_idx")
      .on(t.contactBy)
      .where(sql`${t.status} = 'pending' and ${t.lastReminderAt} is null`),
    // Analytics: conversions per day over a date range.
    index("referrals_converted_idx").on(t.convertedAt).where(sql`${t.convertedAt} is not null`),
  ],
);

export const referralStatusHistory = pgTable(
  "referral_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").$type<ReferralStatus>(),
    toStatus: text("to_status").$type<ReferralStatus>().notNull(),
    /** Staff only. */
    internalNote: text("internal_note"),
    /** Shown to the referrer (and the partner organisation that submitted the referral). */
    messageToReferrer: text("message_to_referrer"),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referral_status_history_referral_idx").on(t.referralId, t.createdAt)],
);

/** Money owed to referrers: integer minor units + ISO currency; one credit per converted referral. */
export const rewardLedger = pgTable(
  "reward_ledger",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["referral_reward", "partner_commission"] })
      .notNull()
      .default("referral_reward"),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    status: text("status").$type<RewardStatus>().notNull().default("pending"),
    availableAt: timestamp("available_at", { withTimezone: true }).notNull(),
    reason: text("reason"),
    partnerOrganizationId: uuid("partner_organization_id").references(() => partnerOrganizations.id, {
      onDelete: "set null",
    }),
    /** A part of a reward that vests when the friend's case reaches this stage; null: the whole reward. */
    vestStage: text("vest_stage").$type<VisaStageId>(),
    /** When the part vested (null: not yet; it cannot be approved before, and is clawed back on refusal). */
    vestedAt: timestamp("vested_at", { withTimezone: true }).defaultNow(),
    /** The payout batch a partner commission is paid in (one batch at most). */
    payoutBatchId: uuid("payout_batch_id"),
    /** The voided invoice this credit was last given back from (it is spendable again). */
    returnedFromInvoiceId: uuid("returned_from_invoice_id").references(() => invoices.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One line per referral, kind and vesting part.
    uniqueIndex("reward_ledger_referral_kind_stage_unique").on(
      t.referralId,
      t.kind,
      sql`coalesce(${t.vestStage}, '')`,
    ),
    index("reward_ledger_user_status_idx").on(t.userId, t.status),
    index("reward_ledger_status_created_idx").on(t.status, t.createdAt),
    index("reward_ledger_partner_idx").on(t.partnerOrganizationId),
    index("reward_ledger_payout_batch_idx").on(t.payoutBatchId).where(sql`${t.payoutBatchId} is not null`),
  ],
);
