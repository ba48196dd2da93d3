import type { InvoiceState, InvoiceTemplate, PaymentMethod } from "@referral-app/shared/schemas/invoice";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { cases, visaTypes } from "./cases.ts";
import { rewardLedger } from "./referrals.ts";

/** One invoice on a case, in one currency; totals are kept in step with its lines and payments. */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `INV-2026-0001`, given when the invoice is sent (drafts have none). */
    number: text("number"),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    clientId: text("client_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    currency: text("currency").notNull(),
    state: text("state").$type<InvoiceState>().notNull().default("draft"),
    isStageInvoice: boolean("is_stage_invoice").notNull().default(false),
    issueDate: date("issue_date", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    notes: text("notes"),
    subtotalMinor: bigint("subtotal_minor", { mode: "number" }).notNull().default(0),
    taxMinor: bigint("tax_minor", { mode: "number" }).notNull().default(0),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull().default(0),
    paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    /** The last overdue reminder sent: 1, 7 or 14 days past due (the consultant is told with the last). */
    overdueReminderDay: smallint("overdue_reminder_day").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoices_number_unique").on(t.number).where(sql`${t.number} is not null`),
    index("invoices_case_idx").on(t.caseId, t.createdAt),
    index("invoices_client_state_idx").on(t.clientId, t.state),
    index("invoices_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Overdue scans read unpaid invoices by due date only.
    index("invoices_unpaid_due_idx").on(t.dueDate).where(sql`${t.state} in ('open', 'partially_paid')`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    kind: text("kind", { enum: ["item", "credit"] })
      .notNull()
      .default("item"),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitAmountMinor: bigint("unit_amount_minor", { mode: "number" }).notNull(),
    taxRateId: text("tax_rate_id"),
    taxRateName: text("tax_rate_name"),
    taxRateBps: integer("tax_rate_bps").notNull().default(0),
    /** The referral reward this credit line spends: each reward is spent once, on one invoice. */
    rewardId: uuid("reward_id").references(() => rewardLedger.id, { onDelete: "restrict" }),
  },
  (t) => [
    index("invoice_lines_invoice_idx").on(t.invoiceId, t.position),
    uniqueIndex("invoice_lines_reward_unique").on(t.rewardId).where(sql`${t.rewardId} is not null`),
  ],
);

/** Money in (payments) and out (refunds), positive amounts either way. */
export const invoicePayments = pgTable(
  "invoice_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["payment", "refund"] }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    method: text("method").$type<PaymentMethod>().notNull(),
    reference: text("reference"),
    /** The gateway's id (Stripe payment intent or refund): one row per gateway object. */
    providerRef: text("provider_ref"),
    paidAt: timestamp("paid_at", { withTimezone: true }).notNull(),
    recordedBy: text("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("invoice_payments_invoice_idx").on(t.invoiceId, t.paidAt),
    uniqueIndex("invoice_payments_provider_ref_unique")
      .on(t.kind, t.providerRef)
      .where(sql`${t.providerRef} is not null`),
  ],
);

/** The last invoice number given out per year: INV-<year>-0001, 0002, … */
export const invoiceNumberSequences = pgTable("invoice_number_sequences", {
  year: integer("year").primaryKey(),
  lastValue: integer("last_value").notNull(),
});

/** Lines staff start an invoice from, per visa type. */
export const invoiceTemplates = pgTable(
  "invoice_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    visaTypeId: uuid("visa_type_id")
      .notNull()
      .references(() => visaTypes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    lines: jsonb("lines").$type<InvoiceTemplate["lines"]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invoice_templates_visa_type_idx").on(t.visaTypeId)],
);

/** Gateway events already handled: a replayed delivery finds its id here and changes nothing. */
export const paymentEvents = pgTable("payment_events", {
  id: text("id").primaryKey(),
  provider: text("provider").notNull(),
  type: text("type").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Hosted checkout sessions opened for an invoice: a completed session finds its invoice here. */
export const invoiceCheckouts = pgTable("invoice_checkouts", {
  sessionId: text("session_id").primaryKey(),
  invoiceId: uuid("invoice_id")
    .notNull()
    .references(() => invoices.id, { onDelete: "cascade" }),
  provider: text("provider").notNull(),
  amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
