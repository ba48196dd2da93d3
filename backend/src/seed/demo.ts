import { randomUUID } from "node:crypto";
import type { ReferralStatus, UserRole, VisaStageId } from "@referral-app/shared/constants";
import { eq, inArray, sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";
import type { Tx } from "../db/client.ts";
import { cases, notifications, partnerOrganizations, users } from "../db/schema/index.ts";
import { createAuth } from "../modules/auth/auth.service.ts";
import { addCase, addNote, addTask, writeDemoVisaTypes } from "./demo-cases.ts";
import { writeDemoInvoices } from "./demo-invoices.ts";
import { type RewardRules, referralRows, type SeedReferral, userRows } from "./seed-rows.ts";
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
  {
    email: "consultant@demo.test",
    name: "Chloe Martin",
    role: "staff",
    phone: "+442071234568",
    country: "GB",
  },
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", phone: "+442071234569", country: "GB" },
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
    ids[demo.email] = user.id;
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
  const clientId = ids["client@demo.test"]!;
  const staffId = ids["staff@demo.test"]!;
  const consultantId = ids["consultant@demo.test"]!;
  const partnerId = ids["partner@demo.test"]!;
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
      .where(eq(users.id, ids[demo.email]!));
  }
  // Sign-up opened a case for everyone; staff and partners are not visa clients, and the demo
  // client's cases are written below with their history.
  await tx.delete(cases).where(inArray(cases.clientId, Object.values(ids)));
  const types = await writeDemoVisaTypes(tx, daysAgo(now, 400));
  const type = (name: string) => types.get(name)!;

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
  const client = { id: clientId, name: "Priya Sharma", email: "client@demo.test" };
  const student = addCase(rows, {
    client,
    visaTypeId: type("Student visa"),
    destinationCountry: "GB",
    targetDate: new Date(now.getTime() + 120 * DAY_MS).toISOString().slice(0, 10),
    stage: "assessment",
    openedAt: daysAgo(now, 40),
    // Three stages spread so the last one (Assessment) started about a week ago.
    now: daysAgo(now, -9),
    changedBy: staffId,
    consultantId: staffId,
    notes: { detailed_enquiry: "Intake call done", assessment: "Documents received; assessing eligibility" },
  });
  addNote(rows, {
    caseId: student.id!,
    authorId: staffId,
    visibility: "client",
    body: "Thanks for the documents. Please bring your original transcripts to our next meeting.",
    at: daysAgo(now, 6),
  });
  addNote(rows, {
    caseId: student.id!,
    authorId: staffId,
    visibility: "internal",
    body: "Offer is conditional on IELTS 6.5; chase the university for the CAS number.",
    at: daysAgo(now, 5),
  });
  const task = { caseId: student.id!, createdBy: staffId, now };
  addTask(rows, {
    ...task,
    title: "Book your medical exam",
    assignee: { kind: "client", id: clientId },
    createdDaysAgo: 6,
    dueInDays: 5,
  });
  addTask(rows, {
    ...task,
    title: "Upload three months of bank statements",
    assignee: { kind: "client", id: clientId },
    createdDaysAgo: 10,
    dueInDays: -3,
  });
  addTask(rows, {
    ...task,
    title: "Send a copy of your passport",
    assignee: { kind: "client", id: clientId },
    createdDaysAgo: 20,
    dueInDays: -12,
    done: true,
  });
  addTask(rows, {
    ...task,
    title: "Check the CAS number with the university",
    assignee: { kind: "staff", id: staffId },
    createdDaysAgo: 4,
    dueInDays: -1,
  });
  // Last year's trip: decided and closed.
  addCase(rows, {
    client,
    visaTypeId: type("Visitor visa"),
    destinationCountry: "US",
    stage: "application",
    openedAt: daysAgo(now, 300),
    now: daysAgo(now, 250),
    changedBy: consultantId,
    consultantId,
    outcome: { outcome: "granted", decidedAt: daysAgo(now, 240) },
  });

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

  // Other clients: a case each (Lena's came from Priya's referral), a family case, and older decided ones.
  const lenaReferral = friend("Lena Müller", "converted", 70, {
    country: "DE",
    stepHours: 96,
    visaInterest: "student",
  });
  const others: {
    name: string;
    country: string;
    stage: VisaStageId;
    referrals: ReferralStatus[];
    visaType: string;
    consultantId: string;
    family?: boolean;
    decided?: { visaType: string; outcome: "refused" | "withdrawn" };
  }[] = [
    {
      name: "Diego Alvarez",
      country: "AR",
      stage: "enquiry",
      referrals: ["pending"],
      visaType: "Working holiday visa",
      consultantId,
    },
    {
      name: "Hana Kim",
      country: "KR",
      stage: "detailed_enquiry",
      referrals: ["contacted", "pending"],
      visaType: "Skilled worker visa",
      consultantId: staffId,
      decided: { visaType: "Student visa", outcome: "withdrawn" },
    },
    {
      name: "Tomás Silva",
      country: "PT",
      stage: "application",
      referrals: ["converted", "qualified"],
      visaType: "Partner visa",
      consultantId,
      family: true,
    },
    {
      name: "Aisha Khan",
      country: "PK",
      stage: "payment",
      referrals: ["converted", "rejected", "pending"],
      visaType: "Permanent residence",
      consultantId: staffId,
      decided: { visaType: "Skilled worker visa", outcome: "refused" },
    },
    {
      name: "Lena Müller",
      country: "DE",
      stage: "assessment",
      referrals: [],
      visaType: "Student visa",
      consultantId,
    },
  ];
  const codes = new Set<string>();
  others.forEach((other, index) => {
    const { name, country, stage } = other;
    const slug = name
      .normalize("NFD")
      .replace(/[^a-zA-Z ]/g, "")
      .toLowerCase()
      .replace(/ /g, ".");
    const joined = daysAgo(now, 90 - index * 12);
    const email = `${slug}@demo.test`;
    const { user, account } = userRows(
      { name, email, role: "client", country, createdAt: joined },
      input.passwordHash,
      codes,
    );
    rows.users.push(user);
    rows.accounts.push(account);
    const fromReferral = name === "Lena Müller" ? lenaReferral : null;

    const theirs = addCase(rows, {
      client: { id: user.id, name, email },
      visaTypeId: type(other.visaType),
      stage,
      openedAt: joined,
      now,
      changedBy: other.consultantId,
      consultantId: other.consultantId,
      ...(other.family
        ? {
            dependants: [
              { fullName: "Marta Silva", relationship: "spouse" as const, dateOfBirth: "1990-04-12" },
              { fullName: "Inês Silva", relationship: "child" as const, dateOfBirth: "2019-09-30" },
            ],
          }
        : {}),
    });
    if (fromReferral) Object.assign(fromReferral, { referredUserId: user.id, caseId: theirs.id });
    if (other.family) {
      addNote(rows, {
        caseId: theirs.id!,
        authorId: other.consultantId,
        visibility: "client",
        body: "We lodged the application for the three of you. Medical exams come next.",
        at: daysAgo(now, 3),
      });
      addTask(rows, {
        caseId: theirs.id!,
        createdBy: other.consultantId,
        now,
        title: "Book health examinations for Marta and Inês",
        assignee: { kind: "client", id: user.id },
        createdDaysAgo: 3,
        dueInDays: 10,
      });
    }
    if (other.decided) {
      addCase(rows, {
        client: { id: user.id, name, email },
        visaTypeId: type(other.decided.visaType),
        stage: "application",
        openedAt: daysAgo(now, 400),
        now: daysAgo(now, 340),
        changedBy: other.consultantId,
        consultantId: other.consultantId,
        outcome: { outcome: other.decided.outcome, decidedAt: daysAgo(now, 330) },
      });
      addNote(rows, {
        caseId: rows.cases.at(-1)!.id!,
        authorId: other.consultantId,
        visibility: "internal",
        body:
          other.decided.outcome === "refused"
            ? "Refused on funds; a stronger bank history would help a new application."
            : "The client withdrew to apply for a work visa instead.",
        at: daysAgo(now, 330),
      });
    }
    for (const [n, status] of other.referrals.entries()) {
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
  await writeDemoInvoices(tx, { caseId: student.id!, clientId, staffId, now });
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
    note(
      input.clientId,
      "referral",
      `${input.noah} converted`,
      "Your USD 100.00 reward was approved.",
      40,
      true,
    ),
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
