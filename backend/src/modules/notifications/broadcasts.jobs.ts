import type { BroadcastAudience } from "@referral-app/shared/schemas/broadcasts";
import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { audienceBatch, findBroadcastRow, setRecipientCount } from "./broadcasts.repository.ts";
import { deliverNotificationJob, type NotificationPayload } from "./notifications.jobs.ts";

const FAN_OUT_BATCH = 500;

/**
 * Walks a broadcast's audience in id order and queues one `notification.deliver` job per user, a
 * batch per insert. Idempotent: a rerun queues again, and the deliver job's dedupeKey
 * (`broadcast:<id>:<userId>`) makes each user's delivery happen once.
 */
export const broadcastFanOutJob = defineJob({
  name: "broadcast.fan-out",
  payload: z.object({ broadcastId: z.string() }),
  expireInSeconds: 15 * 60,
  handler: async ({ broadcastId }, ctx) => {
    const broadcast = await findBroadcastRow(ctx.db, broadcastId);
    if (!broadcast) return;
    const audience = broadcast.audience as BroadcastAudience;
    let afterId: string | null = null;
    let queued = 0;
    for (;;) {
      const userIds = await audienceBatch(ctx.db, audience, afterId, FAN_OUT_BATCH);
      if (userIds.length === 0) break;
      const payloads = userIds.map(
        (userId): NotificationPayload => ({
          userId,
          type: broadcast.type,
          title: broadcast.title,
          body: broadcast.body,
          data: { kind: "broadcast", broadcastId },
          dedupeKey: `broadcast:${broadcastId}:${userId}`,
          broadcastId,
        }),
      );
      await ctx.queue.sendMany(deliverNotificationJob, payloads);
      queued += userIds.length;
      afterId = userIds.at(-1) ?? null;
      if (userIds.length < FAN_OUT_BATCH) break;
    }
    await setRecipientCount(ctx.db, broadcastId, queued);
  },
});
