import { randomBytes, randomUUID } from "node:crypto";
import {
  REFERRAL_STATUS_TRANSITIONS,
  type ReferralStatus,
  type UserRole,
  VISA_STAGE_IDS,
  type VisaStageId,
} from "@referral-app/shared/constants";
import type {
  accounts,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
  visaApplications,
  visaStageHistory,
} from "../db/schema/index.ts";
import { generateReferralCode } from "../lib/referral-code.ts";

// Pure builders: a seeded entity and every row that must exist with it (history, ledger),
// so the demo and the bulk data set are consistent in the same way the services keep them.

export type UserInsert = typeof users.$inferInsert;
export type AccountInsert = typeof accounts.$inferInsert;
export type ReferralInsert = typeof referrals.$inferInsert;
export type HistoryInsert = typeof referralStatusHistory.$inferInsert;
export type LedgerInsert = typeof rewardLedger.$inferInsert;
export type VisaInsert = typeof visaApplications.$inferInsert;
export type VisaHistoryInsert = typeof visaStageHistory.$inferInsert;

const HOUR_MS = 3_600_000;

/** better-auth's id shape: 32 random alphanumerics. */
export function newAuthId(): string {
  return randomBytes(24).toString("base64url").replace(/[-_]/g, "").slice(0, 32).padEnd(32, "0");
}

export interface SeedUser {
  name: string;
  email: string;
  role: UserRole;
  phone?: string | null;
  country?: string | null;
  partnerOrganizationId?: string | null;
  createdAt: Date;
}

/** A user and their credential account with an already-computed argon2id hash. */
export function userRows(user: SeedUser, passwordHash: string, codes: Set<string>) {
  const id = newAuthId();
  let referralCode = generateReferralCode();
  while (codes.has(referralCode)) referralCode = generateReferralCode();
  codes.add(referralCode);
  const row: UserInsert = {
    id,
    name: user.name,
    email: user.email,
    emailVerified: true,
    role: user.role,
    phone: user.phone ?? null,
    country: user.country ?? null,
    referralCode,
    partnerOrganizationId: user.partnerOrganizationId ?? null,
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
  };
  const account: AccountInsert = {
    id: newAuthId(),
    userId: id,
    accountId: id,
    providerId: "credential",
    password: passwordHash,
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
  };
  return { user: row, account };
}

/** A client's visa case at `stage`, with one history row per stage it went through. */
export function visaRows(input: {
  userId: string;
  stage: VisaStageId;
  openedAt: Date;
  now: Date;
  changedBy: string | null;
  notes?: Partial<Record<VisaStageId, string>>;
}) {
  const stages = VISA_STAGE_IDS.slice(0, VISA_STAGE_IDS.indexOf(input.stage) + 1);
  const span = input.now.getTime() - input.openedAt.getTime();
  const step = span / stages.length;
  const applicationId = randomUUID();
  const history: VisaHistoryInsert[] = stages.map((to, index) => ({
    applicationId,
    fromStage: index === 0 ? null : stages[index - 1]!,
    toStage: to,
    note: input.notes?.[to] ?? null,
    changedBy: index === 0 ? null : input.changedBy,
    createdAt: new Date(input.openedAt.getTime() + index * step),
  }));
  const entered = history.at(-1)!.createdAt!;
  const application: VisaInsert = {
    id: applicationId,
    userId: input.userId,
    currentStage: input.stage,
    stageEnteredAt: entered,
    createdAt: input.openedAt,
    updatedAt: entered,
  };
  return { application, history };
}

const FORWARD: readonly ReferralStatus[] = ["pending", "contacted", "qualified", "converted"];

/** The statuses a referral went through to reach `status` (a rejection comes from `rejectedFrom`). */
export function statusPath(
  status: ReferralStatus,
  rejectedFrom: ReferralStatus = "pending",
): ReferralStatus[] {
  if (status === "rejected") {
    if (!REFERRAL_STATUS_TRANSITIONS[rejectedFrom].includes("rejected")) {
      throw new Error(`cannot reject from ${rejectedFrom}`);
    }
    return [...FORWARD.slice(0, FORWARD.indexOf(rejectedFrom) + 1), "rejected"];
  }
  return FORWARD.slice(0, FORWARD.indexOf(status) + 1);
}

export interface SeedReferral {
  referrerId: string;
  fullName: string;
  email: string;
  phone?: string | null;
  country?: string | null;
  relationship?: string | null;
  visaInterest?: string | null;
  notes?: string | null;
  status: ReferralStatus;
  rejectedFrom?: ReferralStatus;
  source?: "client" | "partner" | "signup";
  partnerOrganizationId?: string | null;
  createdAt: Date;
  /** Hours between status changes (compressed so the last one is not in the future). */
  stepHours: number;
  /** Who moved it after creation (staff). */
  changedBy: string | null;
  statusNotes?: Partial<Record<ReferralStatus, string>>;
}

export interface RewardRules {
  reward: { amountMinor: number; currency: string };
  holdingDays: number;
  /** Fixed commission per converted partner referral, by partner organisation id. */
  commissions: ReadonlyMap<string, { amountMinor: number; currency: string }>;
  now: Date;
}

/** A referral, its status history, and the ledger credit its conversion earned. */
export function referralRows(input: SeedReferral, rules: RewardRules) {
  const id = randomUUID();
  const path = statusPath(input.status, input.rejectedFrom);
  const created = input.createdAt.getTime();
  const room = Math.max(0, rules.now.getTime() - created - 60_000);
  const step = Math.min(input.stepHours * HOUR_MS, path.length > 1 ? room / (path.length - 1) : 0);
  const history: HistoryInsert[] = path.map((to, index) => ({
    referralId: id,
    fromStatus: index === 0 ? null : path[index - 1]!,
    toStatus: to,
    notes: input.statusNotes?.[to] ?? null,
    changedBy: index === 0 ? (input.source === "signup" ? null : input.referrerId) : input.changedBy,
    createdAt: new Date(created + index * step),
  }));
  const last = history.at(-1)!.createdAt!;
  const convertedAt = input.status === "converted" ? last : null;
  const referral: ReferralInsert = {
    id,
    referrerId: input.referrerId,
    fullName: input.fullName,
    email: input.email,
    phone: input.phone ?? null,
    country: input.country ?? null,
    relationship: input.relationship ?? null,
    visaInterest: input.visaInterest ?? null,
    notes: input.notes ?? null,
    status: input.status,
    source: input.source ?? "client",
    partnerOrganizationId: input.partnerOrganizationId ?? null,
    convertedAt,
    createdAt: input.createdAt,
    updatedAt: last,
  };
  const ledger: LedgerInsert[] = [];
  if (convertedAt) {
    const availableAt = new Date(convertedAt.getTime() + rules.holdingDays * 24 * HOUR_MS);
    const status = availableAt > rules.now ? "pending" : "approved";
    const commission = input.partnerOrganizationId && rules.commissions.get(input.partnerOrganizationId);
    ledger.push(
      commission
        ? {
            userId: input.referrerId,
            referralId: id,
            kind: "partner_commission",
            amountMinor: commission.amountMinor,
            currency: commission.currency,
            status,
            availableAt,
            reason: `Commission for ${input.fullName}`,
            partnerOrganizationId: input.partnerOrganizationId,
            createdAt: convertedAt,
            updatedAt: convertedAt,
          }
        : {
            userId: input.referrerId,
            referralId: id,
            kind: "referral_reward",
            amountMinor: rules.reward.amountMinor,
            currency: rules.reward.currency,
            status,
            availableAt,
            reason: `Reward for referring ${input.fullName}`,
            createdAt: convertedAt,
            updatedAt: convertedAt,
          },
    );
  }
  return { referral, history, ledger };
}
