import type { CreateVisaTypeData, UpdateVisaTypeData, VisaType } from "@referral-app/shared/schemas/case";
import type { DocumentRequirement } from "@referral-app/shared/schemas/document";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { visaTypes } from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";
import { toVisaType } from "./cases.repository.ts";

export async function listVisaTypes(db: DbOrTx, options: { activeOnly: boolean }): Promise<VisaType[]> {
  const rows = await db
    .select()
    .from(visaTypes)
    .where(options.activeOnly ? eq(visaTypes.active, true) : undefined)
    .orderBy(sql`lower(${visaTypes.name})`, asc(visaTypes.id));
  return rows.map(toVisaType);
}

/** Null when the name is taken (the unique index on lower(name) decides, also between racing requests). */
export async function insertVisaType(
  db: DbOrTx,
  values: Required<Omit<CreateVisaTypeData, "destinationCountry" | "documentRequirements">> & {
    destinationCountry: string | null;
    documentRequirements: DocumentRequirement[];
  },
): Promise<VisaType | null> {
  const [row] = await db.insert(visaTypes).values(values).onConflictDoNothing().returning();
  return row ? toVisaType(row) : null;
}

export type VisaTypeUpdateResult = VisaType | "missing" | "name_taken";

export async function updateVisaType(
  db: DbOrTx,
  id: string,
  values: Omit<UpdateVisaTypeData, "documentRequirements"> & { documentRequirements?: DocumentRequirement[] },
): Promise<VisaTypeUpdateResult> {
  if (!isUuid(id)) return "missing";
  const [clash] = values.name
    ? await db
        .select({ id: visaTypes.id })
        .from(visaTypes)
        .where(sql`lower(${visaTypes.name}) = lower(${values.name}) and ${visaTypes.id} <> ${id}`)
    : [];
  if (clash) return "name_taken";
  const [row] = await db
    .update(visaTypes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(visaTypes.id, id))
    .returning();
  return row ? toVisaType(row) : "missing";
}
