import { z } from "zod";
import { moneySchema } from "./common.ts";

/** `GET /api/referral-offer?code=…`: public, for the dashboard and a share link's sign-up page. */
export const referralOfferQuerySchema = z.strictObject({
  code: z.string().trim().min(1).max(32).optional(),
});
export type ReferralOfferQuery = z.infer<typeof referralOfferQuerySchema>;

export const referralOfferSchema = z
  .object({
    /** What the referrer earns when a friend becomes a client. */
    reward: moneySchema,
    /** Days a credited reward is held before it can be approved and paid. */
    holdingDays: z.number().int().min(0),
    /** Business days within which the consultancy contacts a referred friend. */
    contactBusinessDays: z.number().int().min(1),
    /** The code's owner's first name (null without a code or for an unknown one): "Priya invited you". */
    referrerFirstName: z.string().nullable(),
  })
  .meta({ id: "ReferralOffer" });
export type ReferralOffer = z.infer<typeof referralOfferSchema>;
