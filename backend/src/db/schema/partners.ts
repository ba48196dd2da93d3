import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A partner agency. Members are users with role `partner` and this organisation's id. */
export const partnerOrganizations = pgTable("partner_organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // Commission per converted referral: a rate in basis points of the reward, or a fixed amount.
  commissionType: text("commission_type", { enum: ["rate", "fixed"] })
    .notNull()
    .default("fixed"),
  commissionRateBps: integer("commission_rate_bps"),
  commissionAmountMinor: bigint("commission_amount_minor", { mode: "number" }),
  commissionCurrency: text("commission_currency").notNull().default("USD"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
