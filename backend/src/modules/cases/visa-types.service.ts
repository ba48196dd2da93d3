import type { CreateVisaTypeData, UpdateVisaTypeData, VisaType } from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { insertVisaType, listVisaTypes, updateVisaType } from "./visa-types.repository.ts";

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
      stageDocuments: input.stageDocuments ?? {},
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
    const updated = await updateVisaType(tx, id, input);
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
