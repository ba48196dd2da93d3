import { z } from "zod";
import {
  CASE_OUTCOMES,
  DATA_EXPORT_STATES,
  REFERRAL_REVIEW_REASONS,
  REFERRAL_REVIEW_STATES,
  REFERRER_VISIBILITY_LEVELS,
  VISA_STAGE_IDS,
} from "../constants.ts";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";

export const referrerVisibilityLevelSchema = z
  .enum(REFERRER_VISIBILITY_LEVELS)
  .meta({ id: "ReferrerVisibilityLevel" });

/** A level the client agreed to for one partner organisation (only ever more than their own level). */
export const partnerVisibilityGrantSchema = z
  .object({
    organizationId: uuidSchema,
    organizationName: z.string(),
    level: referrerVisibilityLevelSchema,
  })
  .meta({ id: "PartnerVisibilityGrant" });

/** `GET /api/users/:id/referrer-visibility`. */
export const referrerVisibilitySchema = z
  .object({
    level: referrerVisibilityLevelSchema,
    /** Whether this person was referred at all (otherwise the setting has nothing to act on). */
    referred: z.boolean(),
    partners: z.array(partnerVisibilityGrantSchema),
    updatedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "ReferrerVisibility" });
export type ReferrerVisibility = z.infer<typeof referrerVisibilitySchema>;

/** `PUT /api/users/:id/referrer-visibility`: the level, and optionally more for named partners. */
export const updateReferrerVisibilitySchema = z
  .strictObject({
    level: referrerVisibilityLevelSchema,
    partners: z
      .array(z.strictObject({ organizationId: uuidSchema, level: referrerVisibilityLevelSchema }))
      .max(20)
      .optional(),
  })
  .meta({ id: "UpdateReferrerVisibilityData" });
export type UpdateReferrerVisibilityData = z.infer<typeof updateReferrerVisibilitySchema>;

/**
 * What a referrer may know of the friend, exactly as much as the friend allows: `signedUp` from
 * `signed_up`, `stage` from `current_stage`, `outcome` only at `stage_and_outcome`.
 */
export const referralFriendProgressSchema = z
  .object({
    signedUp: z.boolean(),
    stage: z.enum(VISA_STAGE_IDS).nullable(),
    outcome: z.enum(CASE_OUTCOMES).nullable(),
  })
  .meta({ id: "ReferralFriendProgress" });
export type ReferralFriendProgress = z.infer<typeof referralFriendProgressSchema>;

export const referralReviewReasonSchema = z.enum(REFERRAL_REVIEW_REASONS);
export const referralReviewStateSchema = z.enum(REFERRAL_REVIEW_STATES);

/** A referral's review as its referrer sees it: the state and reason, never the other party. */
export const referralReviewNoticeSchema = z
  .object({
    state: referralReviewStateSchema,
    reason: referralReviewReasonSchema,
    /** Staff's reason when they found it invalid. */
    resolutionReason: z.string().nullable(),
  })
  .meta({ id: "ReferralReviewNotice" });
export type ReferralReviewNotice = z.infer<typeof referralReviewNoticeSchema>;

const partySchema = z.object({
  referralId: uuidSchema,
  referrerId: idSchema,
  referrerName: z.string(),
  source: z.string(),
  createdAt: isoDateTimeSchema,
});

/** One entry of the staff review queue. */
export const referralReviewSchema = z
  .object({
    id: uuidSchema,
    reason: referralReviewReasonSchema,
    state: referralReviewStateSchema,
    referral: partySchema.extend({ fullName: z.string(), email: z.string(), phone: z.string().nullable() }),
    /** The earlier referral of the same person (collisions only). */
    conflictingReferral: partySchema.nullable(),
    details: z.record(z.string(), z.unknown()),
    resolutionReason: z.string().nullable(),
    resolvedBy: idSchema.nullable(),
    resolvedAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "ReferralReview" });
export type ReferralReview = z.infer<typeof referralReviewSchema>;

export const referralReviewListQuerySchema = z.object({
  state: referralReviewStateSchema.default("open"),
  reason: referralReviewReasonSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReferralReviewListQuery = z.input<typeof referralReviewListQuerySchema>;

/** `POST /api/admin/referral-reviews/:id/resolve`: an invalid decision needs a reason. */
export const resolveReferralReviewSchema = z
  .strictObject({
    decision: z.enum(["valid", "invalid"]),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((value) => value.decision === "valid" || (value.reason?.length ?? 0) > 0, {
    path: ["reason"],
    message: "Give a reason when the referral is invalid",
  })
  .meta({ id: "ResolveReferralReviewData" });
export type ResolveReferralReviewData = z.infer<typeof resolveReferralReviewSchema>;

/** One "Download my data" request. */
export const dataExportSchema = z
  .object({
    id: uuidSchema,
    jobId: z.string().nullable(),
    state: z.enum(DATA_EXPORT_STATES),
    sizeBytes: z.number().int().nullable(),
    /** The download, while the export is ready and not expired. */
    downloadUrl: z.string().nullable(),
    expiresAt: isoDateTimeSchema.nullable(),
    requestedBy: idSchema.nullable(),
    createdAt: isoDateTimeSchema,
    completedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "DataExport" });
export type DataExport = z.infer<typeof dataExportSchema>;

/** A legal hold: why some data outlives the deletion, and until when. */
export const legalHoldSchema = z
  .object({
    kind: z.enum(["open_case", "invoice_retention"]),
    /** What is kept, in words. */
    kept: z.string(),
    /** Why. */
    reason: z.string(),
    until: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "LegalHold" });
export type LegalHold = z.infer<typeof legalHoldSchema>;

/** `POST`/`GET /api/users/:id/deletion`. */
export const accountDeletionSchema = z
  .object({
    state: z.enum(["none", "scheduled", "completed", "cancelled"]),
    scheduledFor: isoDateTimeSchema.nullable(),
    /** What will be kept after the erasure and why (empty: everything goes). */
    holds: z.array(legalHoldSchema),
    requestedBy: idSchema.nullable(),
    createdAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "AccountDeletion" });
export type AccountDeletion = z.infer<typeof accountDeletionSchema>;

/** Marketing consent: opt-in only, recorded with when and which wording. */
export const marketingConsentSchema = z
  .object({
    granted: z.boolean(),
    textVersion: z.string().nullable(),
    recordedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "MarketingConsent" });
export type MarketingConsent = z.infer<typeof marketingConsentSchema>;

export const updateMarketingConsentSchema = z
  .strictObject({ granted: z.boolean(), textVersion: z.string().trim().min(1).max(40) })
  .meta({ id: "UpdateMarketingConsentData" });
export type UpdateMarketingConsentData = z.infer<typeof updateMarketingConsentSchema>;

/** One line of "My activity": what happened to the user's account, by whom (staff shown as "Staff"). */
export const activityEntrySchema = z
  .object({
    id: uuidSchema,
    action: z.string(),
    byYou: z.boolean(),
    details: z.record(z.string(), z.unknown()).nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "ActivityEntry" });
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
