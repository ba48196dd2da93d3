import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { deliverNotificationJob, type NotificationPayload } from "./notifications.jobs.ts";

/** Queues a notification inside the caller's transaction: it exists only if the change commits. */
export async function enqueueNotification(
  ctx: AppContext,
  tx: Tx,
  payload: NotificationPayload,
): Promise<void> {
  await ctx.queue.send(deliverNotificationJob, payload, { tx });
}
