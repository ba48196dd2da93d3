import type { ConsultancySettings, UpdateConsultancySettingsData } from "@referral-app/shared/schemas/case";
import type { DbOrTx } from "../../db/client.ts";
import { consultancySettings } from "../../db/schema/index.ts";

const DEFAULTS: ConsultancySettings = {
  referralContactBusinessDays: 2,
  supportFirstResponseHours: 4,
  maxReferralsPerDay: 10,
  caseDocumentRetentionMonths: 24,
  invoiceRetentionYears: 7,
  notificationRetentionDays: 365,
  analyticsRetentionMonths: 13,
  businessName: "Referral Client App",
  businessAddress: "",
  logoDataUrl: null,
  tagline: "",
  taxRates: [],
  paymentInstructions: "",
};

const toSettings = (row: typeof consultancySettings.$inferSelect): ConsultancySettings => ({
  referralContactBusinessDays: row.referralContactBusinessDays,
  supportFirstResponseHours: row.supportFirstResponseHours,
  maxReferralsPerDay: row.maxReferralsPerDay,
  caseDocumentRetentionMonths: row.caseDocumentRetentionMonths,
  invoiceRetentionYears: row.invoiceRetentionYears,
  notificationRetentionDays: row.notificationRetentionDays,
  analyticsRetentionMonths: row.analyticsRetentionMonths,
  businessName: row.businessName,
  businessAddress: row.businessAddress,
  logoDataUrl: row.logoDataUrl,
  tagline: row.tagline,
  taxRates: row.taxRates,
  paymentInstructions: row.paymentInstructions,
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
