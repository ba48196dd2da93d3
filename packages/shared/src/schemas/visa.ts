import { z } from "zod";
import { idSchema, isoDateTimeSchema } from "./common.ts";
import { visaStageIdSchema } from "./user.ts";

export const visaStageStateSchema = z.enum(["completed", "current", "upcoming"]);
export type VisaStageState = z.infer<typeof visaStageStateSchema>;

export const visaStageSchema = z
  .object({
    id: visaStageIdSchema,
    name: z.string(),
    order: z.number().int().min(1),
    status: visaStageStateSchema,
    completed: z.boolean(),
    startedAt: isoDateTimeSchema.nullable(),
    completedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "VisaStage" });
export type VisaStage = z.infer<typeof visaStageSchema>;

export const visaStageChangeSchema = z
  .object({
    id: idSchema,
    fromStage: visaStageIdSchema.nullable(),
    toStage: visaStageIdSchema,
    /** Written by staff for the client (it is also in the client's notification). */
    note: z.string().nullable(),
    /** Staff only: who moved the case. */
    changedBy: idSchema.nullable().optional(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "VisaStageChange" });
export type VisaStageChange = z.infer<typeof visaStageChangeSchema>;

export const visaProgressSchema = z
  .object({
    userId: idSchema,
    applicationId: idSchema,
    currentStage: visaStageIdSchema,
    percentComplete: z.number().min(0).max(100),
    stages: z.array(visaStageSchema).length(5),
    history: z.array(visaStageChangeSchema),
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "VisaProgress" });
export type VisaProgress = z.infer<typeof visaProgressSchema>;

const noteSchema = z.string().trim().max(1000);

/** Staff: move a client's case to the next stage. */
export const advanceVisaStageSchema = z
  .strictObject({ note: noteSchema.optional(), overrideDocuments: z.boolean().optional() })
  .refine((value) => !value.overrideDocuments || value.note, {
    message: "Say why the stage moves on without its documents",
    path: ["note"],
  })
  .meta({ id: "AdvanceVisaStageData" });
export type AdvanceVisaStageData = z.infer<typeof advanceVisaStageSchema>;

/** Staff: set a client's case to any stage (corrections included). */
export const setVisaStageSchema = z
  .strictObject({
    stage: visaStageIdSchema,
    note: noteSchema.optional(),
    overrideDocuments: z.boolean().optional(),
  })
  .refine((value) => !value.overrideDocuments || value.note, {
    message: "Say why the stage moves on without its documents",
    path: ["note"],
  })
  .meta({ id: "SetVisaStageData" });
export type SetVisaStageData = z.infer<typeof setVisaStageSchema>;
