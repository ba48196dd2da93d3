import type { ConsultancySettings, UpdateConsultancySettingsData } from "@referral-app/shared/schemas/case";
import type { DbOrTx } from "../../db/client.ts";
import { consultancySettings } from "../../db/schema/index.ts";

const DEFAULTS: ConsultancySettings = { referralContactBusinessDays: 2, supportFirstResponseHours: 4 };

const toSettings = (row: typeof consultancySettings.$inferSelect): ConsultancySettings => ({
  referralContactBusinessDays: row.referralContactBusinessDays,
  supportFirstResponseHours: row.supportFirstResponseHours,
});

export async function findSettings(db: DbOrTx): Promise<ConsultancySettings> {
  const [row] = await db.select().from(consultancySettings);
  return row ? toSettings(row) : DEFAULTS;
}

/** Upsert of the single row (the migration creates it; a restore without it still works). */
export async function saveSettings(
  db: DbOrTx,
  update: UpdateConsultancySettingsData,
): Promise<ConsultancySettings> {
  const [row] = await db
    .insert(consultancySettings)
    .values({ id: 1, ...DEFAULTS, ...update, updatedAt: new Date() })
    .onConflictDoUpdate({ target: consultancySettings.id, set: { ...update, updatedAt: new Date() } })
    .returning();
  return toSettings(row!);
}
