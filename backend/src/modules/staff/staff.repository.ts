import { randomUUID } from "node:crypto";
import type { StaffMember, StaffRole } from "@referral-app/shared/schemas/case";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { sessions, users } from "../../db/schema/index.ts";
import { isTextId } from "../../lib/ids.ts";
import { generateReferralCode } from "../../lib/referral-code.ts";

const STAFF_ROLES: StaffRole[] = ["staff", "admin"];

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  createdAt: users.createdAt,
  // Invited members have no password until they follow the e-mailed link.
  // Written out in full: drizzle leaves columns unqualified in a one-table select.
  invited: sql<boolean>`not exists (select 1 from accounts a where a.user_id = users.id and a.provider_id = 'credential' and a.password is not null)`,
  openCases: sql<number>`(select count(*)::int from cases c where c.consultant_id = users.id and c.outcome is null)`,
};

type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: string;
  deactivatedAt: Date | null;
  createdAt: Date;
  invited: boolean;
  openCases: number;
};

const toStaffMember = (row: MemberRow): StaffMember => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role as StaffRole,
  active: row.deactivatedAt === null,
  invited: row.invited,
  openCases: row.openCases,
  createdAt: row.createdAt.toISOString(),
});

export async function listStaffMembers(db: DbOrTx): Promise<StaffMember[]> {
  const rows = await db
    .select(memberColumns)
    .from(users)
    .where(inArray(users.role, STAFF_ROLES))
    .orderBy(sql`${users.deactivatedAt} is not null`, sql`lower(${users.name})`, asc(users.id));
  return rows.map(toStaffMember);
}

export async function findStaffMember(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StaffMember | null> {
  if (!isTextId(id)) return null;
  const query = db
    .select(memberColumns)
    .from(users)
    .where(and(eq(users.id, id), inArray(users.role, STAFF_ROLES)));
  const [row] = options.forUpdate ? await query.for("update", { of: users }) : await query;
  return row ? toStaffMember(row) : null;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

/** A staff member with no password yet: the invitation link sets one. */
export async function insertInvitedStaff(
  db: DbOrTx,
  input: { email: string; name: string; role: StaffRole },
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await db.insert(users).values({
    id,
    name: input.name,
    email: input.email.toLowerCase(),
    emailVerified: false,
    role: input.role,
    referralCode: generateReferralCode(),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export async function setStaffRole(db: DbOrTx, id: string, role: StaffRole): Promise<void> {
  await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id));
}

export async function setDeactivated(db: DbOrTx, id: string, at: Date | null): Promise<void> {
  await db.update(users).set({ deactivatedAt: at, updatedAt: new Date() }).where(eq(users.id, id));
}

/** Ends every session of the user; answers how many there were. */
export async function deleteSessionsOf(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}
