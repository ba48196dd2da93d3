import type {
  Broadcast,
  BroadcastAudience,
  BroadcastAudienceCount,
  BroadcastListQuery,
  CreateBroadcastInput,
} from "@referral-app/shared/schemas/broadcasts";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { broadcastFanOutJob } from "./broadcasts.jobs.ts";
import { countAudience, findBroadcast, insertBroadcast, listBroadcasts } from "./broadcasts.repository.ts";

/**
 * Records the broadcast and queues its fan-out in the same transaction: one job that queues a
 * delivery per recipient, each honouring that user's preferences.
 */
export async function createBroadcast(
  ctx: AppContext,
  actor: Actor,
  data: CreateBroadcastInput,
): Promise<Broadcast> {
  const id = await ctx.db.transaction(async (tx) => {
    const recipientCount = await countAudience(tx, data.audience);
    const row = await insertBroadcast(tx, { ...data, createdBy: actor.id, recipientCount });
    await ctx.queue.send(broadcastFanOutJob, { broadcastId: row.id }, { tx });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "broadcast.created",
      entityType: "broadcast",
      entityId: row.id,
      after: { type: data.type, title: data.title, audience: data.audience, recipientCount },
    });
    return row.id;
  });
  return getBroadcast(ctx, id);
}

/** The preview's count: the same audience query the fan-out runs. */
export async function countBroadcastAudience(
  ctx: AppContext,
  audience: BroadcastAudience,
): Promise<BroadcastAudienceCount> {
  return { recipientCount: await countAudience(ctx.db, audience) };
}

export async function getBroadcast(ctx: AppContext, id: string): Promise<Broadcast> {
  const broadcast = await findBroadcast(ctx.db, id);
  if (!broadcast) throw notFound("Broadcast");
  return broadcast;
}

export function searchBroadcasts(ctx: AppContext, query: BroadcastListQuery & { limit: number }) {
  return listBroadcasts(ctx.db, {
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
}
