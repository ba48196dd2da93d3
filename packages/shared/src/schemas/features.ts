import { z } from "zod";
import { isoDateTimeSchema } from "./common.ts";
import { userRoleSchema } from "./user.ts";

export const featureKeySchema = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/);

export const featureFlagSchema = z
  .object({
    key: featureKeySchema,
    description: z.string(),
    enabled: z.boolean(),
    /** Roles the flag is on for; null means every role. */
    roles: z.array(userRoleSchema).nullable(),
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "FeatureFlag" });
export type FeatureFlag = z.infer<typeof featureFlagSchema>;

/** `GET /api/features`: each flag evaluated for the caller. */
export const evaluatedFeaturesSchema = z.record(z.string(), z.boolean()).meta({ id: "EvaluatedFeatures" });
export type EvaluatedFeatures = z.infer<typeof evaluatedFeaturesSchema>;

export const updateFeatureFlagSchema = z
  .strictObject({
    enabled: z.boolean().optional(),
    roles: z.array(userRoleSchema).nullable().optional(),
    description: z.string().trim().max(500).optional(),
  })
  .meta({ id: "UpdateFeatureFlagData" });
export type UpdateFeatureFlagData = z.infer<typeof updateFeatureFlagSchema>;
