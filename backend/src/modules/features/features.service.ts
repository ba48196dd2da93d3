import type { UserRole } from "@referral-app/shared/constants";
import type {
  EvaluatedFeatures,
  FeatureFlag,
  UpdateFeatureFlagData,
} from "@referral-app/shared/schemas/features";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { findFeatureFlag, listFeatureFlags, updateFeatureFlag } from "./features.repository.ts";

/** On when enabled and either open to every role or to the caller's; anonymous callers get only the former. */
export function isFeatureOn(flag: Pick<FeatureFlag, "enabled" | "roles">, role: UserRole | null): boolean {
  if (!flag.enabled) return false;
  if (flag.roles === null) return true;
  return role !== null && flag.roles.includes(role);
}

// Every app reads the flags on every start: a shared cache entry, dropped whenever staff change one.
const FLAGS_CACHE_KEY = "features:all";
const FLAGS_TTL_SECONDS = 60;

export async function evaluateFeatures(ctx: AppContext, role: UserRole | null): Promise<EvaluatedFeatures> {
  const flags = await ctx.cache.wrap(FLAGS_CACHE_KEY, FLAGS_TTL_SECONDS, () => listFeatureFlags(ctx.db));
  return Object.fromEntries(flags.map((flag) => [flag.key, isFeatureOn(flag, role)]));
}

export function listFlags(ctx: AppContext): Promise<FeatureFlag[]> {
  return listFeatureFlags(ctx.db);
}

/** Staff change a flag; the audit entry commits with the change. */
export async function changeFeatureFlag(
  ctx: AppContext,
  actor: Actor,
  key: string,
  data: UpdateFeatureFlagData,
): Promise<FeatureFlag> {
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await findFeatureFlag(tx, key, { forUpdate: true });
    if (!before) throw notFound("Feature flag");
    const after = await updateFeatureFlag(tx, key, {
      ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
      ...(data.roles !== undefined ? { roles: data.roles === null ? null : [...new Set(data.roles)] } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "feature_flag.updated",
      entityType: "feature_flag",
      entityId: key,
      before: { enabled: before.enabled, roles: before.roles, description: before.description },
      after: { enabled: after.enabled, roles: after.roles, description: after.description },
    });
    return after;
  });
  await ctx.cache.del(FLAGS_CACHE_KEY);
  return changed;
}
