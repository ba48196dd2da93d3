import type { NotificationChannel, NotificationType } from "@referral-app/shared/constants";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<NotificationType>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
    // Makes delivery idempotent: a job retried after a crash finds its notification already there.
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_unique").on(t.dedupeKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst()),
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** One row per channel a notification went out on (or was skipped by preference). */
export const notificationDeliveries = pgTable(
  "notification_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel").$type<NotificationChannel>().notNull(),
    // "pending" while a channel is being sent: a retry finding it fresh waits, finding it stale resends.
    status: text("status", { enum: ["pending", "sent", "skipped", "failed"] }).notNull(),
    detail: text("detail"),
    broadcastId: uuid("broadcast_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Renewed by the worker that holds a "pending" claim; a claim whose heartbeat lapsed was left by a
    // crashed worker and may be taken over.
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notification_deliveries_unique").on(t.dedupeKey, t.channel),
    index("notification_deliveries_broadcast_idx").on(t.broadcastId, t.channel, t.status),
  ],
);

/** Mail kept when no SMTP_URL is configured: the dev mailbox staff can read. */
export const devMailbox = pgTable(
  "dev_mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    // The mail's Message-ID: a retried send carries the same one and is kept once.
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dev_mailbox_created_idx").on(t.createdAt.desc().nullsFirst()),
    index("dev_mailbox_to_idx").on(t.to),
    uniqueIndex("dev_mailbox_message_id_unique").on(t.messageId),
  ],
);
