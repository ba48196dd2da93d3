import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "./common.ts";

/** Who changed what, when, with the state before and after. */
export const auditEntrySchema = z
  .object({
    id: idSchema,
    actorId: idSchema.nullable(),
    actorName: z.string().nullable(),
    actorEmail: z.string().nullable(),
    /** e.g. `referral.status_changed`, `visa.stage_changed`, `reward.approved`, `feature.updated`. */
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Staff: `GET /api/admin/audit`, newest first, cursor-paged. */
export const auditListQuerySchema = z.object({
  entityType: z.string().trim().min(1).max(64).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  actorId: idSchema.optional(),
  action: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;
