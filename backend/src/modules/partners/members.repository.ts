import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../../db/client.ts";
import { accounts, users } from "../../db/schema/index.ts";
import { generateReferralCode } from "../../lib/referral-code.ts";

/**
 * A partner member created by invitation: a credential account whose password hash belongs to a
 * random secret nobody knows, so the only way in is the emailed reset link.
 */
export async function insertInvitedMember(
  db: DbOrTx,
  input: { email: string; name: string; organizationId: string; passwordHash: string },
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db.insert(users).values({
    id,
    name: input.name,
    email: input.email.toLowerCase(),
    emailVerified: false,
    role: "partner",
    referralCode: generateReferralCode(),
    partnerOrganizationId: input.organizationId,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(accounts).values({
    id: randomUUID(),
    userId: id,
    accountId: id,
    providerId: "credential",
    password: input.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}
