import type { VisaStageId } from "@referral-app/shared/constants";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

/** One visa case per client; the stage moves through VISA_STAGES. */
export const visaApplications = pgTable(
  "visa_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    currentStage: text("current_stage").$type<VisaStageId>().notNull().default("enquiry"),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("visa_applications_stage_entered_idx").on(t.currentStage, t.stageEnteredAt)],
);

export const visaStageHistory = pgTable(
  "visa_stage_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => visaApplications.id, { onDelete: "cascade" }),
    fromStage: text("from_stage").$type<VisaStageId>(),
    toStage: text("to_stage").$type<VisaStageId>().notNull(),
    note: text("note"),
    changedBy: text("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("visa_stage_history_application_idx").on(t.applicationId, t.createdAt)],
);
