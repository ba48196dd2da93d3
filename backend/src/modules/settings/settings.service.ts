import type {
  Branding,
  ConsultancySettings,
  UpdateConsultancySettingsData,
} from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { addBusinessDays, addBusinessHours } from "../../lib/business-days.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { findSettings, saveSettings } from "./settings.repository.ts";

const CACHE_KEY = "settings:consultancy";
const CACHE_SECONDS = 60;

export function getSettings(ctx: AppContext): Promise<ConsultancySettings> {
  return ctx.cache.wrap(CACHE_KEY, CACHE_SECONDS, () => findSettings(ctx.db));
}

/** What anyone may see of the settings: the name, logo and promise the landing page shows. */
export async function getBranding(ctx: AppContext): Promise<Branding> {
  const { businessName, logoDataUrl, tagline } = await getSettings(ctx);
  return { name: businessName, logoDataUrl, tagline };
}

export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  update: UpdateConsultancySettingsData,
): Promise<ConsultancySettings> {
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await findSettings(tx);
    const after = await saveSettings(tx, update);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "settings.updated",
      entityType: "settings",
      entityId: "consultancy",
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
  await ctx.cache.del(CACHE_KEY);
  return saved;
}

/**
 * When staff should contact a referral made at `from`: the admin-set number of business days, from the
 * cache (a change deletes it): a round trip less in every referral's transaction. A miss reads through
 * `db`, the caller's transaction (PGlite has one connection: another would wait for it).
 */
export async function referralContactDeadline(ctx: AppContext, db: DbOrTx, from: Date): Promise<Date> {
  const { referralContactBusinessDays } = await ctx.cache.wrap(CACHE_KEY, CACHE_SECONDS, () =>
    findSettings(db),
  );
  return addBusinessDays(from, referralContactBusinessDays);
}

/** The settings inside a transaction (PGlite has one connection: a query outside it would wait on it). */
export function readSettings(db: DbOrTx): Promise<ConsultancySettings> {
  return findSettings(db);
}

/** When staff should first answer a support question opened at `from`: the admin-set business hours. */
export async function supportFirstResponseDue(db: DbOrTx, from: Date): Promise<Date> {
  const { supportFirstResponseHours } = await findSettings(db);
  return addBusinessHours(from, supportFirstResponseHours);
}
