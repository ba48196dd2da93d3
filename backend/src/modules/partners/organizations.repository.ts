import type {
  PartnerMember,
  PartnerOrganization,
  UpdatePartnerOrganizationData,
} from "@referral-app/shared/schemas/partners";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { partnerOrganizations, users } from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

type OrganizationRow = typeof partnerOrganizations.$inferSelect;

const organizationColumns = {
  organization: partnerOrganizations,
  // Spelled out: drizzle leaves single-table columns unqualified, which a subquery would rebind.
  memberCount: sql<number>`(select count(*)::int from users m where m.partner_organization_id = partner_organizations.id)`,
  referralCount: sql<number>`(select count(*)::int from referrals r where r.partner_organization_id = partner_organizations.id)`,
};

function toOrganization(row: {
  organization: OrganizationRow;
  memberCount: number;
  referralCount: number;
}): PartnerOrganization {
  const { organization } = row;
  return {
    id: organization.id,
    name: organization.name,
    commissionType: organization.commissionType,
    commissionRateBps: organization.commissionRateBps,
    commissionAmountMinor: organization.commissionAmountMinor,
    commissionCurrency: organization.commissionCurrency,
    memberCount: Number(row.memberCount),
    referralCount: Number(row.referralCount),
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
  };
}

export async function findOrganization(db: DbOrTx, id: string): Promise<PartnerOrganization | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(organizationColumns)
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, id));
  return row ? toOrganization(row) : null;
}

export async function findOrganizationRow(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<OrganizationRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(partnerOrganizations).where(eq(partnerOrganizations.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Every organisation by name (a consultancy works with tens of agencies, not millions). */
export async function listOrganizations(db: DbOrTx): Promise<PartnerOrganization[]> {
  const rows = await db
    .select(organizationColumns)
    .from(partnerOrganizations)
    .orderBy(asc(partnerOrganizations.name), asc(partnerOrganizations.id));
  return rows.map(toOrganization);
}

export type OrganizationValues = Required<UpdatePartnerOrganizationData>;

export async function insertOrganization(db: DbOrTx, values: OrganizationValues): Promise<string> {
  const [row] = await db
    .insert(partnerOrganizations)
    .values(values)
    .returning({ id: partnerOrganizations.id });
  return row!.id;
}

export async function updateOrganization(db: DbOrTx, id: string, values: OrganizationValues): Promise<void> {
  await db
    .update(partnerOrganizations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(partnerOrganizations.id, id));
}

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  partnerOrganizationId: users.partnerOrganizationId,
  emailVerified: users.emailVerified,
  createdAt: users.createdAt,
};

type MemberRow = { createdAt: Date } & Omit<PartnerMember, "createdAt">;

const toMember = (row: MemberRow): PartnerMember => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function listMembers(db: DbOrTx, organizationId: string): Promise<PartnerMember[]> {
  const rows = await db
    .select(memberColumns)
    .from(users)
    .where(eq(users.partnerOrganizationId, organizationId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(toMember);
}

export async function findMember(db: DbOrTx, userId: string): Promise<PartnerMember | null> {
  const [row] = await db.select(memberColumns).from(users).where(eq(users.id, userId));
  return row ? toMember(row) : null;
}

export async function findMemberByEmail(db: DbOrTx, email: string): Promise<PartnerMember | null> {
  const [row] = await db
    .select(memberColumns)
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ? toMember(row) : null;
}

export async function setUserOrganization(
  db: DbOrTx,
  userId: string,
  organizationId: string | null,
): Promise<void> {
  await db
    .update(users)
    .set({
      partnerOrganizationId: organizationId,
      updatedAt: new Date(),
      ...(organizationId ? { role: "partner" as const } : {}),
    })
    .where(eq(users.id, userId));
}

/** The caller's organisation as stored now (sessions do not carry it, and staff can reassign it). */
export async function findUserOrganizationId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ organizationId: users.partnerOrganizationId })
    .from(users)
    .where(eq(users.id, userId));
  return row?.organizationId ?? null;
}
