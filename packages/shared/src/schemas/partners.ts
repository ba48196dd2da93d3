import { z } from "zod";
import { currencySchema, emailSchema, nameSchema } from "../validation.ts";
import { idSchema, isoDateTimeSchema, paginationSchema } from "./common.ts";
import { referralSchema, referralStatusCountsSchema, referralStatusSchema } from "./referral.ts";
import { rewardLedgerStatusSchema, rewardStatusTotalSchema } from "./rewards.ts";

/** Limits of one CSV import (the route refuses bigger files with 413). */
export const PARTNER_IMPORT_LIMITS = { maxRows: 20_000, maxBytes: 10 * 1024 * 1024 } as const;

/** The CSV columns an import reads (header names are matched case-insensitively, spaces ignored). */
export const PARTNER_IMPORT_COLUMNS = [
  "fullName",
  "email",
  "phone",
  "country",
  "visaInterest",
  "relationship",
  "notes",
] as const;
export type PartnerImportColumn = (typeof PARTNER_IMPORT_COLUMNS)[number];

// "Full Name", "full_name", "FULLNAME" all mean fullName; a few common aliases too.
const normaliseHeader = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, "");
const IMPORT_HEADER_ALIASES: Record<string, PartnerImportColumn> = {
  ...Object.fromEntries(PARTNER_IMPORT_COLUMNS.map((column) => [normaliseHeader(column), column])),
  name: "fullName",
  emailaddress: "email",
  phonenumber: "phone",
  visatype: "visaInterest",
  note: "notes",
};

/** The import column a CSV header names, or null for a column the import ignores. */
export function partnerImportColumn(header: string): PartnerImportColumn | null {
  return IMPORT_HEADER_ALIASES[normaliseHeader(header)] ?? null;
}

export const commissionTypeSchema = z.enum(["rate", "fixed"]);
export type CommissionType = z.infer<typeof commissionTypeSchema>;

const commissionFields = {
  /** `rate`: a share of the referral reward; `fixed`: an amount per converted referral. */
  commissionType: commissionTypeSchema,
  /** Basis points of the reward (1000 = 10 %), for `rate`. */
  commissionRateBps: z.number().int().min(0).max(10_000).nullable(),
  /** Minor units, for `fixed`. */
  commissionAmountMinor: z.number().int().min(0).nullable(),
  commissionCurrency: currencySchema,
};

export const partnerOrganizationSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    ...commissionFields,
    memberCount: z.number().int().min(0),
    referralCount: z.number().int().min(0),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "PartnerOrganization" });
export type PartnerOrganization = z.infer<typeof partnerOrganizationSchema>;

const commissionConsistent = (value: {
  commissionType?: CommissionType | undefined;
  commissionRateBps?: number | null | undefined;
  commissionAmountMinor?: number | null | undefined;
}) =>
  value.commissionType === undefined ||
  (value.commissionType === "rate" ? value.commissionRateBps != null : value.commissionAmountMinor != null);
const commissionMessage = {
  message: "A rate needs commissionRateBps; a fixed commission needs commissionAmountMinor",
  path: ["commissionType"],
};

/** Staff: `POST /api/admin/partner-organizations`. */
export const createPartnerOrganizationSchema = z
  .strictObject({
    name: nameSchema,
    commissionType: commissionTypeSchema,
    commissionRateBps: commissionFields.commissionRateBps.optional(),
    commissionAmountMinor: commissionFields.commissionAmountMinor.optional(),
    commissionCurrency: currencySchema.default("USD"),
  })
  .refine(commissionConsistent, commissionMessage)
  .meta({ id: "CreatePartnerOrganizationData" });
export type CreatePartnerOrganizationData = z.input<typeof createPartnerOrganizationSchema>;

/** Staff: `PATCH /api/admin/partner-organizations/:id` (the merged result must stay consistent). */
export const updatePartnerOrganizationSchema = z
  .strictObject({
    name: nameSchema.optional(),
    commissionType: commissionTypeSchema.optional(),
    commissionRateBps: commissionFields.commissionRateBps.optional(),
    commissionAmountMinor: commissionFields.commissionAmountMinor.optional(),
    commissionCurrency: currencySchema.optional(),
  })
  .meta({ id: "UpdatePartnerOrganizationData" });
export type UpdatePartnerOrganizationData = z.infer<typeof updatePartnerOrganizationSchema>;

/** Staff: `PUT /api/admin/users/:id/partner-organization` (null removes the user from their organisation). */
export const assignPartnerOrganizationSchema = z
  .strictObject({ partnerOrganizationId: idSchema.nullable() })
  .meta({ id: "AssignPartnerOrganizationData" });
export type AssignPartnerOrganizationData = z.infer<typeof assignPartnerOrganizationSchema>;

export const partnerMemberSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: z.string(),
    partnerOrganizationId: idSchema.nullable(),
    /** False until the invited member has set a password through the emailed link. */
    emailVerified: z.boolean(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "PartnerMember" });
export type PartnerMember = z.infer<typeof partnerMemberSchema>;

/** `POST /api/partners/members/invite` (and the staff variant for an organisation). */
export const invitePartnerMemberSchema = z
  .strictObject({ email: emailSchema, name: nameSchema })
  .meta({ id: "InvitePartnerMemberData" });
export type InvitePartnerMemberData = z.infer<typeof invitePartnerMemberSchema>;

/** `GET /api/partners/me`: the caller's organisation with its numbers. */
export const partnerOverviewSchema = z
  .object({
    organization: partnerOrganizationSchema,
    referrals: z.object({ total: z.number().int().min(0), byStatus: referralStatusCountsSchema }),
    commissions: z.array(rewardStatusTotalSchema),
  })
  .meta({ id: "PartnerOverview" });
export type PartnerOverview = z.infer<typeof partnerOverviewSchema>;

/** `GET /api/partners/referrals`: `cursor` (fast, default) or `page` (with totals). */
export const partnerReferralListQuerySchema = z.object({
  status: referralStatusSchema.optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PartnerReferralListQuery = z.input<typeof partnerReferralListQuerySchema>;

export const partnerReferralPageSchema = z.object({
  status: z.literal("success"),
  data: z.array(referralSchema),
  /** Set in cursor mode while more rows follow. */
  nextCursor: z.string().nullable(),
  /** Set in page mode. */
  pagination: paginationSchema.optional(),
});
export type PartnerReferralPage = z.infer<typeof partnerReferralPageSchema>;

export const importRowErrorSchema = z
  .object({
    /** The row in the file as a spreadsheet numbers it: the header is row 1, the first data row 2. */
    row: z.number().int().min(1),
    code: z.enum(["VALIDATION_ERROR", "REFERRAL_DUPLICATE"]),
    /** Messages per column (`fullName`, `email`, …). */
    fields: z.record(z.string(), z.array(z.string())),
  })
  .meta({ id: "ImportRowError" });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** `POST /api/partners/referrals/import`: valid rows are imported together, invalid ones reported. */
export const partnerImportResultSchema = z
  .object({
    importId: idSchema,
    /** Data rows in the file. */
    rows: z.number().int().min(0),
    imported: z.number().int().min(0),
    failed: z.number().int().min(0),
    errors: z.array(importRowErrorSchema),
    /** True when this exact file was imported before: the first result, nothing new created. */
    duplicateFile: z.boolean(),
    fileName: z.string().nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "PartnerImportResult" });
export type PartnerImportResult = z.infer<typeof partnerImportResultSchema>;

export const partnerImportSummarySchema = partnerImportResultSchema
  .omit({ errors: true, duplicateFile: true })
  .meta({ id: "PartnerImportSummary" });
export type PartnerImportSummary = z.infer<typeof partnerImportSummarySchema>;

export const partnerCommissionSchema = z
  .object({
    id: idSchema,
    referralId: idSchema,
    referralName: z.string(),
    referralEmail: z.string(),
    amountMinor: z.number().int(),
    currency: z.string(),
    status: rewardLedgerStatusSchema,
    availableAt: isoDateTimeSchema,
    reason: z.string().nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "PartnerCommission" });
export type PartnerCommission = z.infer<typeof partnerCommissionSchema>;

export const partnerCommissionListQuerySchema = z.object({
  status: rewardLedgerStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type PartnerCommissionListQuery = z.input<typeof partnerCommissionListQuerySchema>;

/** `GET /api/partners/commissions`: one line per converted referral, totals over all of them. */
export const partnerCommissionsSchema = z
  .object({
    items: z.array(partnerCommissionSchema),
    totals: z.array(rewardStatusTotalSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "PartnerCommissions" });
export type PartnerCommissions = z.infer<typeof partnerCommissionsSchema>;
