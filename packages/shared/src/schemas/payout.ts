import { z } from "zod";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";

export const payoutBatchSchema = z
  .object({
    id: uuidSchema,
    number: z.string(),
    partnerOrganizationId: uuidSchema,
    partnerOrganizationName: z.string(),
    currency: z.string(),
    /** Always the sum of the batch's commissions. */
    totalMinor: z.number().int(),
    commissionCount: z.number().int(),
    status: z.enum(["open", "paid"]),
    paymentReference: z.string().nullable(),
    paidAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "PayoutBatch" });
export type PayoutBatch = z.infer<typeof payoutBatchSchema>;

export const payoutCommissionSchema = z
  .object({
    id: uuidSchema,
    referralId: idSchema,
    referralName: z.string(),
    amountMinor: z.number().int(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "PayoutCommission" });

export const payoutBatchDetailSchema = payoutBatchSchema
  .extend({ commissions: z.array(payoutCommissionSchema) })
  .meta({ id: "PayoutBatchDetail" });
export type PayoutBatchDetail = z.infer<typeof payoutBatchDetailSchema>;

export const createPayoutBatchesSchema = z
  .object({
    /** Organisations owed less than this (minor units, per currency) wait for a later batch. */
    minimumMinor: z.number().int().min(0).max(1_000_000_000_000),
    /** Only commissions approved at least this many days ago. */
    holdDays: z.number().int().min(0).max(365),
    /** One organisation only; all of them when omitted. */
    partnerOrganizationId: uuidSchema.optional(),
  })
  .meta({ id: "CreatePayoutBatchesData" });
export type CreatePayoutBatchesData = z.infer<typeof createPayoutBatchesSchema>;

export const markPayoutPaidSchema = z
  .object({
    /** The bank transfer's reference. */
    reference: z.string().trim().min(1).max(200),
    paidAt: isoDateTimeSchema.optional(),
  })
  .meta({ id: "MarkPayoutPaidData" });
export type MarkPayoutPaidData = z.infer<typeof markPayoutPaidSchema>;

export const payoutBatchListQuerySchema = z.object({
  status: z.enum(["open", "paid"]).optional(),
  partnerOrganizationId: uuidSchema.optional(),
});
