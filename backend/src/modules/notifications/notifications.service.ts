import type { DevMail } from "@referral-app/shared/schemas/admin";
import type {
  MarkAllReadResult,
  Notification,
  RegisterPushTokenData,
} from "@referral-app/shared/schemas/notification";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { type MailMessage, newMessageId } from "../../lib/mailer.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { type ActionMail, actionMail } from "./notification-mail.ts";
import { deliverNotificationJob, type NotificationPayload, sendEmailJob } from "./notifications.jobs.ts";
import {
  countUnread,
  deleteNotificationsBefore,
  deletePushToken,
  listDevMail,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type Page,
  upsertPushToken,
} from "./notifications.repository.ts";

/** Queues a notification inside the caller's transaction: it exists only if the change commits. */
export async function enqueueNotification(
  ctx: AppContext,
  tx: Tx,
  payload: NotificationPayload,
): Promise<void> {
  await ctx.queue.send(deliverNotificationJob, payload, { tx });
}

/**
 * Queues an email that asks its reader to act (verify, reset a password, accept an invitation);
 * inside `tx` when the mail belongs to a change still being made (a sign-up).
 */
export async function queueActionMail(ctx: AppContext, mail: ActionMail, tx?: Tx): Promise<void> {
  await queueMail(ctx, actionMail(mail), tx);
}

/** Queues a finished e-mail (a module's own wording and language), inside `tx` when given. */
export async function queueMail(ctx: AppContext, mail: MailMessage, tx?: Tx): Promise<void> {
  // The Message-ID is fixed now, so a job run again after a crash sends the same message.
  const message = { ...mail, messageId: mail.messageId ?? newMessageId(ctx.config.mailFrom) };
  await ctx.queue.send(sendEmailJob, message, tx ? { tx } : undefined);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getNotifications(
  ctx: AppContext,
  userId: string,
  query: { page: number; limit: number; unread?: boolean | undefined },
): Promise<Page<Notification>> {
  return listNotifications(ctx.db, userId, query);
}

export function getUnreadCount(ctx: AppContext, userId: string): Promise<number> {
  return countUnread(ctx.db, userId);
}

/** Marks one of the caller's notifications read; read again answers the same, others' ids 404. */
export async function readNotification(ctx: AppContext, userId: string, id: string): Promise<Notification> {
  // Not a uuid cannot be a notification: answer 404 rather than a database type error.
  const notification = UUID.test(id) ? await markNotificationRead(ctx.db, userId, id) : null;
  if (!notification) throw notFound("Notification");
  return notification;
}

export async function readAllNotifications(ctx: AppContext, userId: string): Promise<MarkAllReadResult> {
  return { updated: await markAllNotificationsRead(ctx.db, userId) };
}

export function registerPushToken(
  ctx: AppContext,
  userId: string,
  data: RegisterPushTokenData,
): Promise<void> {
  return upsertPushToken(ctx.db, userId, data);
}

/** Forgets one of the caller's devices; true when it was theirs (someone else's is left alone). */
export function removePushToken(ctx: AppContext, userId: string, token: string): Promise<boolean> {
  return deletePushToken(ctx.db, userId, token);
}

// The secret parts of better-auth's links: `/reset-password/<token>` and `?token=<token>` (verification).
const LINK_SECRETS = /(\/reset-password\/|[?&]token=)[^?&\s"'<>]+/g;
export const HIDDEN_SECRET = "[hidden]";

function hideLinkSecrets(mail: DevMail): DevMail {
  const hide = (value: string) => value.replace(LINK_SECRETS, `$1${HIDDEN_SECRET}`);
  return { ...mail, text: hide(mail.text), html: mail.html && hide(mail.html), linksHidden: true };
}

/**
 * Mail kept instead of sent (development only; production requires SMTP). A reset or verification
 * link signs its holder in, so only an admin sees the whole link; every read is audited.
 */
export async function getDevMailbox(
  ctx: AppContext,
  actor: Actor,
  query: { page: number; limit: number; to?: string | undefined },
): Promise<Page<DevMail>> {
  const page = await listDevMail(ctx.db, query);
  const linksShown = actor.role === "admin";
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "mailbox.read",
    entityType: "mailbox",
    entityId: query.to ?? "all",
    after: { page: query.page, limit: query.limit, to: query.to ?? null, linksShown },
  });
  return linksShown ? page : { ...page, items: page.items.map(hideLinkSecrets) };
}

/** The retention rule for notifications: removes those older than `cutoff`, answers the counts. */
export function purgeNotificationsBefore(ctx: AppContext, cutoff: Date) {
  return deleteNotificationsBefore(ctx.db, cutoff);
}
