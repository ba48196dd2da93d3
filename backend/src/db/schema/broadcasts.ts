import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

/** A staff message to many users; deliveries are notification_deliveries rows with its id. */
export const broadcasts = pgTable(
  "broadcasts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type", { enum: ["system", "promotional"] }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    audience: jsonb("audience")
      .$type<{ role?: "client" | "partner"; country?: string; stage?: string }>()
      .notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    recipientCount: integer("recipient_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("broadcasts_created_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())],
);
