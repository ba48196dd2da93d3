import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "./common.ts";
import { referralSchema, referralStatusSchema } from "./referral.ts";

/** Staff: the whole pipeline, filtered, cursor-paged so it stays fast on large tables. */
export const adminReferralListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  status: referralStatusSchema.optional(),
  partnerOrganizationId: idSchema.optional(),
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
    /** Still pending more than two business days after creation. */
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
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "DevMail" });
export type DevMail = z.infer<typeof devMailSchema>;
