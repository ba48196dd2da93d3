import { z } from "zod";
import { countrySchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema } from "./common.ts";
import { visaStageIdSchema } from "./user.ts";

export const broadcastTypeSchema = z.enum(["system", "promotional"]);
export type BroadcastType = z.infer<typeof broadcastTypeSchema>;

/** Who receives it; every given filter must match. No role means clients and partners. */
export const broadcastAudienceSchema = z
  .strictObject({
    role: z.enum(["client", "partner"]).optional(),
    country: countrySchema.optional(),
    stage: visaStageIdSchema.optional(),
  })
  .meta({ id: "BroadcastAudience" });
export type BroadcastAudience = z.infer<typeof broadcastAudienceSchema>;

/** Staff: `POST /api/admin/broadcasts/audience-count`: how many a broadcast would reach now. */
export const broadcastAudienceCountSchema = z
  .object({ recipientCount: z.number().int().min(0) })
  .meta({ id: "BroadcastAudienceCount" });
export type BroadcastAudienceCount = z.infer<typeof broadcastAudienceCountSchema>;

/** Staff: `POST /api/admin/broadcasts`. */
export const createBroadcastSchema = z
  .strictObject({
    type: broadcastTypeSchema,
    title: z.string().trim().min(1, { message: "Enter a title" }).max(200),
    body: z.string().trim().min(1, { message: "Enter a message" }).max(2000),
    audience: broadcastAudienceSchema.default({}),
  })
  .meta({ id: "CreateBroadcastData" });
export type CreateBroadcastData = z.input<typeof createBroadcastSchema>;
export type CreateBroadcastInput = z.output<typeof createBroadcastSchema>;

export const deliveryCountsSchema = z.object({
  /** Being sent right now (a channel mid-delivery). */
  pending: z.number().int().min(0),
  sent: z.number().int().min(0),
  skipped: z.number().int().min(0),
  failed: z.number().int().min(0),
});
export type DeliveryCounts = z.infer<typeof deliveryCountsSchema>;

/** notification_deliveries of a broadcast, per channel and status (skipped = turned off by preference). */
export const broadcastDeliveriesSchema = z
  .object({ inApp: deliveryCountsSchema, email: deliveryCountsSchema, push: deliveryCountsSchema })
  .meta({ id: "BroadcastDeliveries" });
export type BroadcastDeliveries = z.infer<typeof broadcastDeliveriesSchema>;

export const broadcastSchema = z
  .object({
    id: idSchema,
    type: broadcastTypeSchema,
    title: z.string(),
    body: z.string(),
    audience: broadcastAudienceSchema,
    createdBy: idSchema.nullable(),
    createdByName: z.string().nullable(),
    /** Users the broadcast was queued for (final once fan-out has run). */
    recipientCount: z.number().int().min(0),
    /** Recipients whose delivery job has run. */
    processedCount: z.number().int().min(0),
    deliveries: broadcastDeliveriesSchema,
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Broadcast" });
export type Broadcast = z.infer<typeof broadcastSchema>;

export const broadcastListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type BroadcastListQuery = z.input<typeof broadcastListQuerySchema>;
