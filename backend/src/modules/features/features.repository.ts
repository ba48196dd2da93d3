import type { UserRole } from "@referral-app/shared/constants";
import type { FeatureFlag } from "@referral-app/shared/schemas/features";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { featureFlags } from "../../db/schema/index.ts";

type FeatureFlagRow = typeof featureFlags.$inferSelect;

export function toFeatureFlag(row: FeatureFlagRow): FeatureFlag {
  return {
    key: row.key,
    description: row.description,
    enabled: row.enabled,
    roles: row.roles ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listFeatureFlags(db: DbOrTx): Promise<FeatureFlag[]> {
  const rows = await db.select().from(featureFlags).orderBy(asc(featureFlags.key));
  return rows.map(toFeatureFlag);
}

export async function findFeatureFlag(
  db: DbOrTx,
  key: string,
  options: { forUpdate?: boolean } = {},
): Promise<FeatureFlag | null> {
  const query = db.select().from(featureFlags).where(eq(featureFlags.key, key));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ? toFeatureFlag(row) : null;
}

export interface FeatureFlagUpdate {
  enabled?: boolean;
  roles?: UserRole[] | null;
  description?: string;
}

export async function updateFeatureFlag(
  db: DbOrTx,
  key: string,
  update: FeatureFlagUpdate,
): Promise<FeatureFlag> {
  const [row] = await db
    .update(featureFlags)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(featureFlags.key, key))
    .returning();
  return toFeatureFlag(row!);
}
