import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

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

/** One CSV upload: keyed by the file's sha256 per organisation, so the same file imports once. */
export const partnerImports = pgTable(
  "partner_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => partnerOrganizations.id, { onDelete: "cascade" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    sha256: text("sha256").notNull(),
    fileName: text("file_name"),
    rows: integer("rows").notNull(),
    imported: integer("imported").notNull(),
    failed: integer("failed").notNull(),
    errors: jsonb("errors")
      .$type<
        { row: number; code: "VALIDATION_ERROR" | "REFERRAL_DUPLICATE"; fields: Record<string, string[]> }[]
      >()
      .notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partner_imports_org_sha_unique").on(t.partnerOrganizationId, t.sha256),
    index("partner_imports_org_created_idx").on(t.partnerOrganizationId, t.createdAt.desc().nullsFirst()),
  ],
);
