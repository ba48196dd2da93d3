import { z } from "zod";
import { REWARD_STATUSES } from "../constants.ts";
import { currencySchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema } from "./common.ts";

export const rewardKindSchema = z.enum(["referral_reward", "partner_commission"]);
export type RewardKind = z.infer<typeof rewardKindSchema>;
export const rewardLedgerStatusSchema = z.enum(REWARD_STATUSES);

/** One ledger line: a reward to a referrer or a commission to a partner organisation. */
export const rewardEntrySchema = z
  .object({
    id: idSchema,
    /** The beneficiary (the referrer, or the partner member who submitted the referral). */
    userId: idSchema,
    userName: z.string(),
    userEmail: z.string(),
    referralId: idSchema,
    referralName: z.string(),
    kind: rewardKindSchema,
    amountMinor: z.number().int(),
    currency: z.string(),
    status: rewardLedgerStatusSchema,
    /** End of the holding period: it can be approved from then on. */
    availableAt: isoDateTimeSchema,
    reason: z.string().nullable(),
    partnerOrganizationId: idSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "RewardEntry" });
export type RewardEntry = z.infer<typeof rewardEntrySchema>;

/** Staff: `GET /api/admin/rewards`, newest first, cursor-paged. */
export const rewardListQuerySchema = z.object({
  status: rewardLedgerStatusSchema.optional(),
  kind: rewardKindSchema.optional(),
  userId: idSchema.optional(),
  partnerOrganizationId: idSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type RewardListQuery = z.input<typeof rewardListQuerySchema>;

/** A sum of ledger lines for one currency and status. */
export const rewardStatusTotalSchema = z
  .object({
    currency: currencySchema,
    status: rewardLedgerStatusSchema,
    count: z.number().int().min(0),
    amountMinor: z.number().int(),
  })
  .meta({ id: "RewardStatusTotal" });
export type RewardStatusTotal = z.infer<typeof rewardStatusTotalSchema>;

export const rewardTotalsQuerySchema = z.object({
  kind: rewardKindSchema.optional(),
  partnerOrganizationId: idSchema.optional(),
});
export type RewardTotalsQuery = z.input<typeof rewardTotalsQuerySchema>;

/** Staff: `POST /api/admin/rewards/:id/reverse`. */
export const reverseRewardSchema = z
  .strictObject({ reason: z.string().trim().min(1, { message: "Give a reason" }).max(500) })
  .meta({ id: "ReverseRewardData" });
export type ReverseRewardData = z.infer<typeof reverseRewardSchema>;
