import type {
  CreateVisaTypeData,
  StageDocuments,
  UpdateVisaTypeData,
  VisaType,
} from "@referral-app/shared/schemas/case";
import {
  type DocumentRequirement,
  type DocumentRequirementInput,
  documentNamesByStage,
  documentRequirementSchema,
} from "@referral-app/shared/schemas/document";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { insertVisaType, listVisaTypes, updateVisaType } from "./visa-types.repository.ts";

/**
 * Detailed requirements decide the stage lists (their names by stage), so the two never disagree;
 * without them the names stand alone (a catalogue entry without a checklist).
 */
function withDocuments(
  stageDocuments: StageDocuments,
  given: DocumentRequirementInput[] | undefined,
): { stageDocuments: StageDocuments; documentRequirements: DocumentRequirement[] } {
  // Routes have parsed them already; the input type (defaults optional) is what callers may pass.
  const requirements = (given ?? []).map((requirement) => documentRequirementSchema.parse(requirement));
  if (!requirements.length) return { stageDocuments, documentRequirements: requirements };
  return { stageDocuments: documentNamesByStage(requirements), documentRequirements: requirements };
}

const nameTaken = () =>
  new DomainError("CONFLICT", "A visa type with this name exists", {
    fields: { name: ["A visa type with this name exists"] },
  });

/** The catalogue: active types for everyone; staff may ask for retired ones too. */
export function getVisaTypes(ctx: AppContext, options: { includeRetired: boolean }): Promise<VisaType[]> {
  return listVisaTypes(ctx.db, { activeOnly: !options.includeRetired });
}

export async function createVisaType(
  ctx: AppContext,
  actor: Actor,
  input: CreateVisaTypeData,
): Promise<VisaType> {
  return ctx.db.transaction(async (tx) => {
    const created = await insertVisaType(tx, {
      name: input.name,
      destinationCountry: input.destinationCountry ?? null,
      description: input.description ?? "",
      ...withDocuments(input.stageDocuments ?? {}, input.documentRequirements),
    });
    if (!created) throw nameTaken();
    await writeAudit(tx, {
      actorId: actor.id,
      action: "visa_type.created",
      entityType: "visa_type",
      entityId: created.id,
      after: { name: created.name },
    });
    return created;
  });
}

export async function changeVisaType(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateVisaTypeData,
): Promise<VisaType> {
  return ctx.db.transaction(async (tx) => {
    const { stageDocuments, documentRequirements, ...rest } = input;
    const documents =
      documentRequirements !== undefined
        ? withDocuments(stageDocuments ?? {}, documentRequirements)
        : stageDocuments !== undefined
          ? { stageDocuments }
          : {};
    const updated = await updateVisaType(tx, id, { ...rest, ...documents });
    if (updated === "missing") throw notFound("Visa type");
    if (updated === "name_taken") throw nameTaken();
    await writeAudit(tx, {
      actorId: actor.id,
      action: "visa_type.updated",
      entityType: "visa_type",
      entityId: id,
      after: { ...input },
    });
    return updated;
  });
}
