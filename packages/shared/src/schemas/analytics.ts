import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "./common.ts";
import { referralStatusCountsSchema } from "./referral.ts";

/** One client-side event (the seed's Monitor.trackEvent / trackError / trackPerformance). */
export const trackEventSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_.:-]{0,63}$/, { message: "Event names are lower-case, up to 64 characters" }),
  properties: z
    .record(z.string().max(64), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .refine((value) => Object.keys(value).length <= 30, { message: "At most 30 properties" })
    .optional(),
  occurredAt: isoDateTimeSchema.optional(),
  sessionId: z.string().max(64).optional(),
});
export type TrackEventData = z.infer<typeof trackEventSchema>;

export const trackEventsSchema = z
  .strictObject({ events: z.array(trackEventSchema).min(1).max(50) })
  .meta({ id: "TrackEventsData" });
export type TrackEventsData = z.infer<typeof trackEventsSchema>;

const dateOnly = z.iso.date();

/** A date range for staff analytics; `to` is inclusive. Defaults to the last 30 days. */
export const analyticsRangeQuerySchema = z
  .object({ from: dateOnly.optional(), to: dateOnly.optional() })
  .refine((range) => !range.from || !range.to || range.from <= range.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  });
export type AnalyticsRangeQuery = z.infer<typeof analyticsRangeQuerySchema>;

export const funnelSchema = z
  .object({
    from: dateOnly,
    to: dateOnly,
    total: z.number().int().min(0),
    byStatus: referralStatusCountsSchema,
    /** Referrals that reached at least each step: pending ⊇ contacted ⊇ qualified ⊇ converted. */
    reached: z.object({
      pending: z.number().int(),
      contacted: z.number().int(),
      qualified: z.number().int(),
      converted: z.number().int(),
    }),
    conversionRate: z.number().min(0).max(1),
    medianHoursToConvert: z.number().nullable(),
  })
  .meta({ id: "Funnel" });
export type Funnel = z.infer<typeof funnelSchema>;

export const dailyPointSchema = z.object({
  date: dateOnly,
  created: z.number().int().min(0),
  converted: z.number().int().min(0),
});
export type DailyPoint = z.infer<typeof dailyPointSchema>;

export const timeSeriesSchema = z.array(dailyPointSchema).meta({ id: "TimeSeries" });

export const topReferrerSchema = z
  .object({
    userId: idSchema,
    name: z.string(),
    email: z.string(),
    referrals: z.number().int().min(0),
    converted: z.number().int().min(0),
  })
  .meta({ id: "TopReferrer" });
export type TopReferrer = z.infer<typeof topReferrerSchema>;

export const analyticsOverviewSchema = z
  .object({
    funnel: funnelSchema,
    daily: timeSeriesSchema,
    topReferrers: z.array(topReferrerSchema),
  })
  .meta({ id: "AnalyticsOverview" });
export type AnalyticsOverview = z.infer<typeof analyticsOverviewSchema>;
