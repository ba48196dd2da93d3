import { z } from "zod";
import { idSchema } from "./common.ts";

/** `GET /api/admin/analytics/top-partners`: partner organisations by referrals in a date range. */
export const topPartnerSchema = z
  .object({
    partnerOrganizationId: idSchema,
    name: z.string(),
    referrals: z.number().int().min(0),
    converted: z.number().int().min(0),
    /** converted / referrals, 0 when there are none. */
    conversionRate: z.number().min(0).max(1),
    /** Partner commission credited for referrals in the range, in minor units of `currency`. */
    commissionMinor: z.number().int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .meta({ id: "TopPartner" });
export type TopPartner = z.infer<typeof topPartnerSchema>;

/** `POST /api/analytics/events` answers how many events it stored. */
export const trackEventsResultSchema = z
  .object({ accepted: z.number().int().min(0) })
  .meta({ id: "TrackEventsResult" });
export type TrackEventsResult = z.infer<typeof trackEventsResultSchema>;
