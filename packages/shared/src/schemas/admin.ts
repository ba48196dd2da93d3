import { z } from "zod";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";
import {
  referralSchema,
  referralStatsSchema,
  referralStatusSchema,
  requireRejectReason,
} from "./referral.ts";
import { rewardStatusTotalSchema } from "./rewards.ts";
import { userProfileSchema, visaStageIdSchema } from "./user.ts";
import { visaProgressSchema } from "./visa.ts";

/** Staff: the whole pipeline, filtered, cursor-paged so it stays fast on large tables. */
export const adminReferralListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: referralStatusSchema.optional(),
  partnerOrganizationId: uuidSchema.optional(),
  referrerId: idSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(["newest", "oldest"]).default("newest"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminReferralListQuery = z.input<typeof adminReferralListQuerySchema>;

export const adminReferralSchema = referralSchema
  .extend({
    referrerName: z.string(),
    referrerEmail: z.string(),
    /** Still pending past its contact deadline (the same as `contactOverdue`). */
    overdue: z.boolean(),
  })
  .meta({ id: "AdminReferral" });
export type AdminReferral = z.infer<typeof adminReferralSchema>;

export const cursorPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    status: z.literal("success"),
    data: z.array(item),
    nextCursor: z.string().nullable(),
  });
export interface CursorPage<T> {
  status: "success";
  data: T[];
  nextCursor: string | null;
}

export const adminClientSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    country: z.string().nullable(),
    currentStage: z.string().nullable(),
    referrals: z.number().int(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "AdminClient" });
export type AdminClient = z.infer<typeof adminClientSchema>;

export const devMailSchema = z
  .object({
    id: idSchema,
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    /** True when the secret parts of links (reset and verification tokens) were hidden from the reader. */
    linksHidden: z.boolean(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "DevMail" });
export type DevMail = z.infer<typeof devMailSchema>;

/** Staff: `GET /api/admin/clients`, newest first, cursor-paged. */
export const adminClientListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  stage: visaStageIdSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AdminClientListQuery = z.input<typeof adminClientListQuerySchema>;

/** Staff: `GET /api/admin/clients/:id`: the client's case, referrals and rewards in one answer. */
export const adminClientDetailSchema = z
  .object({
    profile: userProfileSchema,
    visaProgress: visaProgressSchema.nullable(),
    referralStats: referralStatsSchema,
    /** The 20 newest referrals they made. */
    recentReferrals: z.array(referralSchema),
    rewards: z.array(rewardStatusTotalSchema),
  })
  .meta({ id: "AdminClientDetail" });
export type AdminClientDetail = z.infer<typeof adminClientDetailSchema>;

/** Staff: `POST /api/admin/referrals/bulk-status`. */
export const bulkReferralStatusSchema = z
  .strictObject({
    ids: z.array(idSchema).min(1).max(500),
    status: referralStatusSchema,
    internalNote: z.string().trim().max(1000).optional(),
    messageToReferrer: z.string().trim().max(1000).optional(),
    /** Deprecated: read as `internalNote`. */
    notes: z.string().trim().max(1000).optional().meta({ deprecated: true }),
  })
  .superRefine(requireRejectReason)
  .meta({ id: "BulkReferralStatusData" });
export type BulkReferralStatusData = z.infer<typeof bulkReferralStatusSchema>;

export const bulkReferralStatusItemSchema = z.object({
  id: idSchema,
  outcome: z.enum(["updated", "skipped"]),
  /** Set when skipped: `INVALID_TRANSITION`, `NOT_FOUND`, … */
  code: z.string().optional(),
  reason: z.string().optional(),
});
export type BulkReferralStatusItem = z.infer<typeof bulkReferralStatusItemSchema>;

export const bulkReferralStatusResultSchema = z
  .object({
    updated: z.number().int().min(0),
    skipped: z.number().int().min(0),
    results: z.array(bulkReferralStatusItemSchema),
  })
  .meta({ id: "BulkReferralStatusResult" });
export type BulkReferralStatusResult = z.infer<typeof bulkReferralStatusResultSchema>;

/** Staff: `GET /api/admin/referrals/export.csv`: the list's filters, every matching row. */
export const adminReferralExportQuerySchema = adminReferralListQuerySchema.omit({
  cursor: true,
  limit: true,
});
export type AdminReferralExportQuery = z.input<typeof adminReferralExportQuerySchema>;
