import { randomUUID } from "node:crypto";
import type { ReferralStatus, UserRole, VisaStageId } from "@referral-app/shared/constants";
import { eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";
import type { Tx } from "../db/client.ts";
import { notifications, partnerOrganizations, users, visaApplications } from "../db/schema/index.ts";
import { createAuth } from "../modules/auth/auth.service.ts";
import { type RewardRules, referralRows, type SeedReferral, userRows, visaRows } from "./seed-rows.ts";
import { emptySeedRows, type SeedRows, writeSeedRows } from "./seed-writer.ts";

export const DEMO_PASSWORD = "demo-password-1";
export const DEMO_PARTNER_ORGANIZATION = { name: "Globe Partners", commissionMinor: 5000, currency: "USD" };

export const DEMO_USERS: ReadonlyArray<{
  email: string;
  name: string;
  role: UserRole;
  phone: string;
  country: string;
}> = [
  { email: "client@demo.test", name: "Priya Sharma", role: "client", phone: "+919812345678", country: "IN" },
  { email: "staff@demo.test", name: "Sam Staff", role: "staff", phone: "+442071234567", country: "GB" },
  { email: "partner@demo.test", name: "Pat Partner", role: "partner", phone: "+61291234567", country: "AU" },
];

const DAY_MS = 86_400_000;
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return false;
  return seedDemo(ctx);
}

/** Hashes the demo password once with the app's own argon2id settings (for users inserted directly). */
export async function hashDemoPassword(ctx: AppContext): Promise<string> {
  const auth = await createAuth(ctx).$context;
  return auth.password.hash(DEMO_PASSWORD);
}

/**
 * The ready demo: one account per role (through better-auth's sign-up), the demo client's case at
 * Assessment, referrals in every status with history and rewards, partner referrals, a few other
 * clients and notifications. Returns false (and changes nothing) when the demo users already exist.
 */
export async function seedDemo(ctx: AppContext, now = new Date()): Promise<boolean> {
  const emails = DEMO_USERS.map((demo) => demo.email);
  const existing = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  if (existing.length > 0) return false;

  const auth = createAuth(ctx);
  const ids: Record<string, string> = {};
  for (const demo of DEMO_USERS) {
    const { user } = await auth.api.signUpEmail({
      body: { email: demo.email, name: demo.name, password: DEMO_PASSWORD },
    });
    ids[demo.role] = user.id;
  }
  const passwordHash = await hashDemoPassword(ctx);
  await ctx.db.transaction((tx) => writeDemo(ctx, tx, { ids, passwordHash, now }));
  return true;
}

async function writeDemo(
  ctx: AppContext,
  tx: Tx,
  input: { ids: Record<string, string>; passwordHash: string; now: Date },
): Promise<void> {
  const { now, ids } = input;
  const clientId = ids.client!;
  const staffId = ids.staff!;
  const partnerId = ids.partner!;
  const [org] = await tx
    .insert(partnerOrganizations)
    .values({
      name: DEMO_PARTNER_ORGANIZATION.name,
      commissionType: "fixed",
      commissionAmountMinor: DEMO_PARTNER_ORGANIZATION.commissionMinor,
      commissionCurrency: DEMO_PARTNER_ORGANIZATION.currency,
      createdAt: daysAgo(now, 120),
    })
    .returning({ id: partnerOrganizations.id });
  const orgId = org!.id;

  for (const demo of DEMO_USERS) {
    await tx
      .update(users)
      .set({
        role: demo.role,
        emailVerified: true,
        phone: demo.phone,
        country: demo.country,
        partnerOrganizationId: demo.role === "partner" ? orgId : null,
        createdAt: daysAgo(now, 45),
      })
      .where(eq(users.id, ids[demo.role]!));
  }
  // Sign-up opened a case for everyone; staff and partners are not visa clients.
  await tx.delete(visaApplications).where(inArray(visaApplications.userId, [staffId, partnerId]));
  // The demo client's own case, replaced by one with its history: now at Assessment.
  await tx.delete(visaApplications).where(eq(visaApplications.userId, clientId));

  const rows: SeedRows = emptySeedRows();
  const rules: RewardRules = {
    reward: ctx.config.referralReward,
    holdingDays: ctx.config.rewardHoldingDays,
    commissions: new Map([
      [
        orgId,
        {
          amountMinor: DEMO_PARTNER_ORGANIZATION.commissionMinor,
          currency: DEMO_PARTNER_ORGANIZATION.currency,
        },
      ],
    ]),
    now,
  };
  const visa = visaRows({
    userId: clientId,
    stage: "assessment",
    openedAt: daysAgo(now, 40),
    // Three stages spread so the last one (Assessment) started about a week ago.
    now: daysAgo(now, -9),
    changedBy: staffId,
    notes: { detailed_enquiry: "Intake call done", assessment: "Documents received; assessing eligibility" },
  });
  rows.visa.push(visa.application);
  rows.visaHistory.push(...visa.history);

  const addReferral = (referral: Omit<SeedReferral, "changedBy" | "stepHours"> & { stepHours?: number }) => {
    const built = referralRows({ stepHours: 48, changedBy: staffId, ...referral }, rules);
    rows.referrals.push(built.referral);
    rows.history.push(...built.history);
    rows.ledger.push(...built.ledger);
    return built.referral;
  };

  const friend = (
    fullName: string,
    status: ReferralStatus,
    days: number,
    extra: Partial<SeedReferral> = {},
  ) =>
    addReferral({
      referrerId: clientId,
      fullName,
      email: `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
      status,
      createdAt: daysAgo(now, days),
      relationship: "friend",
      visaInterest: "student",
      ...extra,
    });
  friend("Arjun Mehta", "pending", 1, { relationship: "family", country: "IN" });
  friend("Sofia Rossi", "pending", 3, { country: "IT", visaInterest: "work" });
  friend("Liam O'Connor", "contacted", 6, { country: "IE", statusNotes: { contacted: "Left a voicemail" } });
  const mei = friend("Mei Chen", "contacted", 9, { relationship: "colleague", country: "CN" });
  friend("Carlos Diaz", "qualified", 14, { country: "MX", visaInterest: "skilled" });
  const amara = friend("Amara Okafor", "converted", 12, { country: "NG", stepHours: 72 });
  const noah = friend("Noah Williams", "converted", 60, {
    country: "US",
    visaInterest: "work",
    stepHours: 120,
  });
  friend("Yuki Tanaka", "rejected", 20, {
    country: "JP",
    rejectedFrom: "contacted",
    statusNotes: { rejected: "Not eligible this intake" },
  });

  const partnerStatuses: [string, ReferralStatus, number, ReferralStatus?][] = [
    ["Fatima Zahra", "pending", 2],
    ["Lucas Martin", "contacted", 8],
    ["Ana Souza", "qualified", 15],
    ["Omar Haddad", "converted", 30],
    ["Elena Petrova", "rejected", 25, "qualified"],
  ];
  for (const [fullName, status, days, rejectedFrom] of partnerStatuses) {
    addReferral({
      referrerId: partnerId,
      fullName,
      email: `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org`,
      status,
      ...(rejectedFrom ? { rejectedFrom } : {}),
      source: "partner",
      partnerOrganizationId: orgId,
      createdAt: daysAgo(now, days),
      visaInterest: "skilled",
    });
  }

  const others: [string, string, VisaStageId, ReferralStatus[]][] = [
    ["Diego Alvarez", "AR", "enquiry", ["pending"]],
    ["Hana Kim", "KR", "detailed_enquiry", ["contacted", "pending"]],
    ["Tomás Silva", "PT", "application", ["converted", "qualified"]],
    ["Aisha Khan", "PK", "payment", ["converted", "rejected", "pending"]],
    ["Lena Müller", "DE", "assessment", []],
  ];
  const codes = new Set<string>();
  others.forEach(([name, country, stage, statuses], index) => {
    const slug = name
      .normalize("NFD")
      .replace(/[^a-zA-Z ]/g, "")
      .toLowerCase()
      .replace(/ /g, ".");
    const joined = daysAgo(now, 90 - index * 12);
    const { user, account } = userRows(
      { name, email: `${slug}@demo.test`, role: "client", country, createdAt: joined },
      input.passwordHash,
      codes,
    );
    rows.users.push(user);
    rows.accounts.push(account);
    const theirs = visaRows({ userId: user.id, stage, openedAt: joined, now, changedBy: staffId });
    rows.visa.push(theirs.application);
    rows.visaHistory.push(...theirs.history);
    for (const [n, status] of statuses.entries()) {
      addReferral({
        referrerId: user.id,
        fullName: `Friend ${n + 1} of ${name}`,
        email: `friend${n + 1}.${slug}@example.net`,
        status,
        createdAt: daysAgo(now, 50 - index * 5 - n * 3),
        relationship: "friend",
      });
    }
  });

  await writeSeedRows(tx, rows);
  await tx.insert(notifications).values(
    demoNotifications({
      clientId,
      partnerId,
      staffId,
      now,
      mei: mei.fullName,
      amara: amara.fullName,
      noah: noah.fullName,
    }),
  );
}

function demoNotifications(input: {
  clientId: string;
  partnerId: string;
  staffId: string;
  now: Date;
  mei: string;
  amara: string;
  noah: string;
}) {
  const { now } = input;
  const note = (
    userId: string,
    type: "status_update" | "referral" | "system" | "reminder",
    title: string,
    body: string,
    days: number,
    read: boolean,
  ) => ({
    userId,
    type,
    title,
    body,
    dedupeKey: `seed:${randomUUID()}`,
    createdAt: daysAgo(now, days),
    readAt: read ? daysAgo(now, days - 0.1) : null,
  });
  return [
    note(
      input.clientId,
      "system",
      "Welcome to Referral Client App",
      "Follow your visa case and refer friends.",
      44,
      true,
    ),
    note(input.clientId, "referral", `${input.noah} converted`, "You earned a USD 100.00 reward.", 40, true),
    note(
      input.clientId,
      "status_update",
      "Your case moved to Assessment",
      "Documents received; assessing eligibility.",
      0.5,
      false,
    ),
    note(
      input.clientId,
      "referral",
      `${input.mei} was contacted`,
      "Our team has contacted your referral.",
      1,
      false,
    ),
    note(
      input.clientId,
      "referral",
      `${input.amara} converted`,
      "A USD 100.00 reward is pending (held 14 days).",
      2,
      false,
    ),
    note(
      input.partnerId,
      "referral",
      "Omar Haddad converted",
      "Globe Partners earned a USD 50.00 commission.",
      3,
      false,
    ),
    note(
      input.partnerId,
      "system",
      "Welcome, Globe Partners",
      "Submit referrals one by one or by CSV.",
      40,
      true,
    ),
    note(
      input.staffId,
      "reminder",
      "Referrals waiting",
      "Some referrals have been pending for more than two business days.",
      0.2,
      false,
    ),
  ];
}
