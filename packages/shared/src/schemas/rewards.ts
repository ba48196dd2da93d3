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

// ---- Rewards as credit ----------------------------------------------------------------------------

export const REWARD_METHODS = ["cash", "credit"] as const;
export type RewardMethod = (typeof REWARD_METHODS)[number];

/**
 * What a referrer accepts before taking rewards as credit. A change of wording gets a new version;
 * the acceptance is stored with the version and the time.
 */
export const REWARD_CREDIT_DISCLOSURE = {
  version: "2026-12-01",
  text:
    "How referral credit works: when a friend you referred becomes a client, you may earn a reward. " +
    "Rewards can be released in parts as your friend's case moves forward (for example half at " +
    "Assessment and half at Payment); a part not yet released is cancelled if your friend withdraws or " +
    "is refused. Released rewards are approved after a holding period. If you choose credit, approved " +
    "rewards are taken off your next invoice from us, as a line naming your friend; credit cannot be " +
    "exchanged for cash and only applies to invoices in the same currency. You can switch back to cash " +
    "payouts at any time for rewards not yet used.",
} as const;

export const rewardPreferenceSchema = z
  .object({
    method: z.enum(REWARD_METHODS),
    /** The disclosure version accepted for credit, and when; null until credit was first chosen. */
    disclosureVersion: z.string().nullable(),
    disclosureAcceptedAt: isoDateTimeSchema.nullable(),
    /** The disclosure to show, with its current version. */
    disclosure: z.object({ version: z.string(), text: z.string() }),
  })
  .meta({ id: "RewardPreference" });
export type RewardPreference = z.infer<typeof rewardPreferenceSchema>;

export const updateRewardPreferenceSchema = z
  .object({
    method: z.enum(REWARD_METHODS),
    /** Required for credit: the version of the disclosure the referrer read and accepted. */
    disclosureVersion: z.string().trim().min(1).max(40).optional(),
  })
  .meta({ id: "UpdateRewardPreferenceData" });
export type UpdateRewardPreferenceData = z.infer<typeof updateRewardPreferenceSchema>;

export const creditHistoryEntrySchema = z
  .object({
    rewardId: idSchema,
    friendName: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    status: rewardLedgerStatusSchema,
    /** The stage this part vests at (null: the whole reward), and whether it has. */
    vestStage: z.string().nullable(),
    vested: z.boolean(),
    /** Where credited: the invoice it was taken off. */
    invoiceId: idSchema.nullable(),
    invoiceNumber: z.string().nullable(),
    /** The voided invoice this credit was given back from, so it can be spent again. */
    returnedFromInvoiceNumber: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "CreditHistoryEntry" });
export type CreditHistoryEntry = z.infer<typeof creditHistoryEntrySchema>;

export const creditBalanceSchema = z
  .object({
    method: z.enum(REWARD_METHODS),
    /** Per currency: approved (applies to the next invoice), on the way (pending), already used. */
    balances: z.array(
      z.object({
        currency: z.string(),
        availableMinor: z.number().int(),
        pendingMinor: z.number().int(),
        creditedMinor: z.number().int(),
      }),
    ),
    history: z.array(creditHistoryEntrySchema),
  })
  .meta({ id: "CreditBalance" });
export type CreditBalance = z.infer<typeof creditBalanceSchema>;

/** Admins: how a visa type's referral reward vests, in percent per stage (summing to 100). */
export const rewardVestingRuleSchema = z.object({
  stage: z.enum(["enquiry", "detailed_enquiry", "assessment", "application", "payment"]),
  percent: z.number().int().min(1).max(100),
});
export const rewardVestingSchema = z
  .object({
    visaTypeId: idSchema,
    rules: z.array(rewardVestingRuleSchema),
  })
  .meta({ id: "RewardVesting" });
export type RewardVesting = z.infer<typeof rewardVestingSchema>;
export const updateRewardVestingSchema = z
  .object({
    rules: z
      .array(rewardVestingRuleSchema)
      .max(5)
      .refine((rules) => rules.length === 0 || rules.reduce((sum, rule) => sum + rule.percent, 0) === 100, {
        message: "The parts must add up to 100%",
      })
      .refine((rules) => new Set(rules.map((rule) => rule.stage)).size === rules.length, {
        message: "One part per stage",
      }),
  })
  .meta({ id: "UpdateRewardVestingData" });
export type UpdateRewardVestingData = z.infer<typeof updateRewardVestingSchema>;
