// Shared test fixtures: rows written directly, independent of any module's routes, and forced failures.
import type { ReferralStatus, RewardStatus } from "@referral-app/shared/constants";
import { eq, sql } from "drizzle-orm";
import { partnerOrganizations, referrals, rewardLedger, users } from "../db/schema/index.ts";
import { type SignedUpUser, signUp, type TestApp } from "./test-app.ts";

let sequence = 0;

export async function createOrganizationRow(
  t: TestApp,
  values: Partial<typeof partnerOrganizations.$inferInsert> = {},
): Promise<string> {
  sequence += 1;
  const [row] = await t.ctx.db
    .insert(partnerOrganizations)
    .values({ name: `Agency ${sequence}`, commissionType: "fixed", commissionAmountMinor: 5000, ...values })
    .returning({ id: partnerOrganizations.id });
  return row!.id;
}

export async function signUpPartner(t: TestApp, organizationId: string): Promise<SignedUpUser> {
  const user = await signUp(t, { role: "partner" });
  await t.ctx.db.update(users).set({ partnerOrganizationId: organizationId }).where(eq(users.id, user.id));
  return user;
}

export async function insertReferralRow(
  t: TestApp,
  values: {
    referrerId: string;
    email?: string;
    fullName?: string;
    status?: ReferralStatus;
    partnerOrganizationId?: string | null;
    createdAt?: Date;
  },
): Promise<string> {
  sequence += 1;
  const [row] = await t.ctx.db
    .insert(referrals)
    .values({
      referrerId: values.referrerId,
      fullName: values.fullName ?? `Friend ${sequence}`,
      email: values.email ?? `friend${sequence}@example.org`,
      status: values.status ?? "pending",
      source: values.partnerOrganizationId ? "partner" : "client",
      partnerOrganizationId: values.partnerOrganizationId ?? null,
      ...(values.createdAt ? { createdAt: values.createdAt } : {}),
    })
    .returning({ id: referrals.id });
  return row!.id;
}

export async function insertRewardRow(
  t: TestApp,
  values: {
    userId: string;
    referralId: string;
    status?: RewardStatus;
    kind?: "referral_reward" | "partner_commission";
    availableAt?: Date;
    amountMinor?: number;
    currency?: string;
    partnerOrganizationId?: string | null;
  },
): Promise<string> {
  const [row] = await t.ctx.db
    .insert(rewardLedger)
    .values({
      userId: values.userId,
      referralId: values.referralId,
      kind: values.kind ?? "referral_reward",
      status: values.status ?? "pending",
      amountMinor: values.amountMinor ?? 10_000,
      currency: values.currency ?? "USD",
      availableAt: values.availableAt ?? new Date(Date.now() - 60_000),
      partnerOrganizationId: values.partnerOrganizationId ?? null,
    })
    .returning({ id: rewardLedger.id });
  return row!.id;
}

let triggers = 0;

/**
 * Test-only: makes inserts into `table` that match `when` (a trigger WHEN condition on `new`)
 * fail, to prove a transaction commits nothing after a late failure. Returns the undo.
 */
export async function failInserts(t: TestApp, table: string, when: string): Promise<() => Promise<void>> {
  triggers += 1;
  const name = `test_fail_${triggers}`;
  await t.ctx.db.execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin raise exception 'forced failure (test)'; end $$`),
  );
  await t.ctx.db.execute(
    sql.raw(`create trigger ${name} before insert on ${table} for each row
      when (${when}) execute function ${name}()`),
  );
  return async () => {
    await t.ctx.db.execute(sql.raw(`drop trigger ${name} on ${table}`));
    await t.ctx.db.execute(sql.raw(`drop function ${name}()`));
  };
}
