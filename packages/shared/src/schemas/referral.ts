import { z } from "zod";
import {
  REFERRAL_SOURCES,
  REFERRAL_STATUS_VALUES,
  RELATIONSHIPS,
  REWARD_STATUSES,
  VISA_INTERESTS,
} from "../constants.ts";
import { countrySchema, emailSchema, nameSchema, phoneSchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema, moneySchema, paginationQuerySchema } from "./common.ts";
import { referralFriendProgressSchema, referralReviewNoticeSchema } from "./privacy.ts";

export const referralStatusSchema = z.enum(REFERRAL_STATUS_VALUES);
export const referralSourceSchema = z.enum(REFERRAL_SOURCES);
export const relationshipSchema = z.enum(RELATIONSHIPS);
export const visaInterestSchema = z.enum(VISA_INTERESTS);
export const rewardStatusSchema = z.enum(REWARD_STATUSES);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined)
    .optional();

/** The body of `POST /api/referrals`. Empty optional strings count as not given. */
export const createReferralSchema = z
  .strictObject({
    fullName: nameSchema,
    email: emailSchema,
    phone: z
      .literal("")
      .transform(() => undefined)
      .or(phoneSchema)
      .optional(),
    country: z
      .literal("")
      .transform(() => undefined)
      .or(countrySchema)
      .optional(),
    relationship: relationshipSchema.optional(),
    /** With the name, tells two referrals of one person apart from namesakes. */
    dateOfBirth: z.iso.date().optional(),
    visaInterest: visaInterestSchema.optional(),
    notes: optionalText(1000),
    consent: z.boolean().optional(),
  })
  .meta({ id: "CreateReferralData" });
export type CreateReferralData = z.input<typeof createReferralSchema>;
export type CreateReferralInput = z.output<typeof createReferralSchema>;

export const referralRewardSchema = moneySchema
  .extend({
    status: rewardStatusSchema,
    /** A pending reward is held until then; after it, staff can approve and pay it. */
    availableAt: isoDateTimeSchema,
    /** When its status last changed (approved, paid…). */
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "ReferralReward" });
export type ReferralReward = z.infer<typeof referralRewardSchema>;

export const referralSchema = z
  .object({
    id: idSchema,
    referrerId: idSchema,
    fullName: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    relationship: relationshipSchema.nullable(),
    visaInterest: visaInterestSchema.nullable(),
    notes: z.string().nullable(),
    status: referralStatusSchema,
    source: referralSourceSchema,
    partnerOrganizationId: idSchema.nullable(),
    referredUserId: idSchema.nullable(),
    reward: referralRewardSchema.nullable(),
    /** When the consultancy will have contacted the friend by ("We will contact Mei by Thursday"). */
    contactBy: isoDateTimeSchema,
    /** Still pending past `contactBy`: "Taking longer than usual". */
    contactOverdue: z.boolean(),
    /** The friend's case this referral led to, once converted and the friend has one. */
    caseId: idSchema.nullable(),
    /**
     * The friend's progress, as much as they let this reader see (null: not signed up, or they share
     * nothing). Staff see everything.
     */
    friend: referralFriendProgressSchema.nullable(),
    /** Flagged for staff review ("already referred", …); rewards wait until it is resolved. */
    review: referralReviewNoticeSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "Referral" });
export type Referral = z.infer<typeof referralSchema>;

/**
 * One move along the pipeline. Everyone who may see the referral reads the message to the referrer;
 * the internal note and who moved it are for staff only (absent from anyone else's answer).
 */
export const referralStatusChangeSchema = z
  .object({
    id: idSchema,
    fromStatus: referralStatusSchema.nullable(),
    toStatus: referralStatusSchema,
    messageToReferrer: z.string().nullable(),
    /** Staff only. */
    internalNote: z.string().nullable().optional(),
    /** Staff only: the staff member (or referrer) who made the change. */
    changedBy: idSchema.nullable().optional(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "ReferralStatusChange" });
export type ReferralStatusChange = z.infer<typeof referralStatusChangeSchema>;

export const referralDetailSchema = referralSchema
  .extend({ history: z.array(referralStatusChangeSchema) })
  .meta({ id: "ReferralDetail" });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListQuerySchema = paginationQuerySchema.extend({
  status: referralStatusSchema.optional(),
});
/** What a client asks for: the parsed fields, each optional (the server fills the defaults). */
export type ReferralListQuery = Partial<z.output<typeof referralListQuerySchema>>;

export const rewardTotalsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Approved or paid, in minor units. */
  earnedMinor: z.number().int(),
  /** Credited but still in the holding period, in minor units. */
  pendingMinor: z.number().int(),
});
export type RewardTotals = z.infer<typeof rewardTotalsSchema>;

/** How many referrals are in each status. */
export const referralStatusCountsSchema = z.object({
  pending: z.number().int().min(0),
  contacted: z.number().int().min(0),
  qualified: z.number().int().min(0),
  converted: z.number().int().min(0),
  rejected: z.number().int().min(0),
});

export const referralStatsSchema = z
  .object({
    total: z.number().int().min(0),
    byStatus: referralStatusCountsSchema,
    /** converted / total, 0 when there are none. */
    conversionRate: z.number().min(0).max(1),
    rewards: z.array(rewardTotalsSchema),
  })
  .meta({ id: "ReferralStats" });
export type ReferralStats = z.infer<typeof referralStatsSchema>;

const statusNoteSchema = z.string().trim().max(1000).optional();

/** Rejecting is final, so it needs a reason on record: `notes` (or its new name `internalNote`). */
export function requireRejectReason(
  value: { status: string; internalNote?: string; notes?: string },
  context: z.core.$RefinementCtx,
): void {
  if (value.status === "rejected" && !(value.internalNote || value.notes)) {
    context.addIssue({
      code: "custom",
      path: ["notes"],
      message: "Give a reason for rejecting (notes or internalNote)",
    });
  }
}

/**
 * Staff: `PATCH /api/admin/referrals/:id/status`. `internalNote` stays with staff;
 * `messageToReferrer` is shown to the referrer. `notes` (the field's old name) is still accepted
 * and kept as the internal note, so older clients never publish a note by accident.
 */
export const updateReferralStatusSchema = z
  .strictObject({
    status: referralStatusSchema,
    internalNote: statusNoteSchema,
    messageToReferrer: statusNoteSchema,
    /** Deprecated: read as `internalNote`. */
    notes: statusNoteSchema.meta({ deprecated: true }),
  })
  .superRefine(requireRejectReason)
  .meta({ id: "UpdateReferralStatusData" });
export type UpdateReferralStatusData = z.infer<typeof updateReferralStatusSchema>;
