import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { sendUnansweredSupportSummary, sendUnreadDigests } from "./message-notifications.ts";

// `now` lets tests (and a manual catch-up run) choose the moment the job computes for.
const payload = z.object({ now: z.iso.datetime({ offset: true }).optional() });

/** Every minute: unread messages become an e-mail digest 15 minutes on (one per conversation). */
export const unreadDigestsJob = defineJob({
  name: "messages.unread-digests",
  payload,
  handler: async (input, ctx) => {
    const sent = await sendUnreadDigests(ctx, input.now ? new Date(input.now) : new Date());
    if (sent > 0) ctx.logger.info({ sent }, "unread message digests queued");
  },
  cron: "* * * * *",
  retryLimit: 2,
  expireInSeconds: 5 * 60,
});

/** Weekdays at 08:00 UTC: staff hear which support questions still wait for an answer. */
export const unansweredSupportSummaryJob = defineJob({
  name: "messages.unanswered-support-summary",
  payload,
  handler: async (input, ctx) => {
    await sendUnansweredSupportSummary(ctx, input.now ? new Date(input.now) : new Date());
  },
  cron: "0 8 * * 1-5",
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});
