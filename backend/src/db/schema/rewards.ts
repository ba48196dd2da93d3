import type { VisaStageId } from "@referral-app/shared/constants";
import type { RewardMethod } from "@referral-app/shared/schemas/rewards";
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { visaTypes } from "./cases.ts";
import { partnerOrganizations } from "./partners.ts";

/** How a referrer takes rewards; credit only after accepting the disclosure (version and time kept). */
export const rewardPreferences = pgTable("reward_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  method: text("method").$type<RewardMethod>().notNull(),
  disclosureVersion: text("disclosure_version"),
  disclosureAcceptedAt: timestamp("disclosure_accepted_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Per visa type: the share of a referral reward that vests when the friend's case reaches a stage. */
export const rewardVestingRules = pgTable(
  "reward_vesting_rules",
  {
    visaTypeId: uuid("visa_type_id")
      .notNull()
      .references(() => visaTypes.id, { onDelete: "cascade" }),
    stage: text("stage").$type<VisaStageId>().notNull(),
    percent: integer("percent").notNull(),
  },
  (t) => [primaryKey({ columns: [t.visaTypeId, t.stage] })],
);

/** Approved commissions of one partner organisation, paid out together; totals kept with the batch. */
export const payoutBatches = pgTable(
  "payout_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `PAY-2026-0001`. */
    number: text("number").notNull().unique(),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => partnerOrganizations.id, { onDelete: "restrict" }),
    currency: text("currency").notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    commissionCount: integer("commission_count").notNull(),
    status: text("status", { enum: ["open", "paid"] })
      .notNull()
      .default("open"),
    paymentReference: text("payment_reference"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payout_batches_partner_idx").on(t.partnerOrganizationId, t.createdAt)],
);
