import { randomBytes, randomUUID } from "node:crypto";
import type { CaseOutcomeId } from "@referral-app/shared/constants";
import {
  REFERRAL_STATUS_TRANSITIONS,
  type ReferralStatus,
  type UserRole,
  VISA_STAGE_IDS,
  type VisaStageId,
} from "@referral-app/shared/constants";
import type { DependantRelationship } from "@referral-app/shared/schemas/case";
import type {
  accounts,
  caseApplicants,
  caseNotes,
  caseStageHistory,
  cases,
  caseTasks,
  caseTimeline,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
} from "../db/schema/index.ts";
import { addBusinessDays } from "../lib/business-days.ts";
import { generateReferralCode } from "../lib/referral-code.ts";

// Pure builders: a seeded entity and every row that must exist with it (history, ledger),
// so the demo and the bulk data set are consistent in the same way the services keep them.

export type UserInsert = typeof users.$inferInsert;
export type AccountInsert = typeof accounts.$inferInsert;
export type ReferralInsert = typeof referrals.$inferInsert;
export type HistoryInsert = typeof referralStatusHistory.$inferInsert;
export type LedgerInsert = typeof rewardLedger.$inferInsert;
/** A case before its number is given out (seed-writer numbers them from the per-year sequence). */
export type CaseInsert = Omit<typeof cases.$inferInsert, "number">;
export type ApplicantInsert = typeof caseApplicants.$inferInsert;
export type CaseHistoryInsert = typeof caseStageHistory.$inferInsert;
export type TimelineInsert = typeof caseTimeline.$inferInsert;
export type NoteInsert = typeof caseNotes.$inferInsert;
export type TaskInsert = typeof caseTasks.$inferInsert;

const HOUR_MS = 3_600_000;
/** The consultancy's default contact deadline (the settings row starts at it). */
const CONTACT_BUSINESS_DAYS = 2;

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

const STAGE_NAMES: Record<VisaStageId, string> = {
  enquiry: "Enquiry",
  detailed_enquiry: "Detailed Enquiry",
  assessment: "Assessment",
  application: "Application",
  payment: "Payment",
};

export interface SeedCase {
  client: { id: string; name: string; email: string };
  visaTypeId: string;
  stage: VisaStageId;
  openedAt: Date;
  /** When the last stage change happened at the latest (stages are spread up to it). */
  now: Date;
  changedBy: string | null;
  consultantId?: string | null;
  destinationCountry?: string | null;
  targetDate?: string | null;
  notes?: Partial<Record<VisaStageId, string>>;
  outcome?: { outcome: CaseOutcomeId; decidedAt: Date };
  dependants?: {
    fullName: string;
    relationship: DependantRelationship;
    dateOfBirth: string;
    userId?: string;
  }[];
}

/**
 * A case at `stage` with one history row per stage it went through, its principal (and dependants),
 * and the timeline entries the services would have written.
 */
export function caseRows(input: SeedCase) {
  const stages = VISA_STAGE_IDS.slice(0, VISA_STAGE_IDS.indexOf(input.stage) + 1);
  const span = input.now.getTime() - input.openedAt.getTime();
  const step = span / stages.length;
  const caseId = randomUUID();
  const history: CaseHistoryInsert[] = stages.map((to, index) => ({
    caseId,
    fromStage: index === 0 ? null : stages[index - 1]!,
    toStage: to,
    note: input.notes?.[to] ?? null,
    changedBy: index === 0 ? null : input.changedBy,
    createdAt: new Date(input.openedAt.getTime() + index * step),
  }));
  const timeline: TimelineInsert[] = history.map((entry) => ({
    caseId,
    kind: entry.fromStage ? "stage_changed" : "opened",
    summary: entry.fromStage
      ? `Moved from ${STAGE_NAMES[entry.fromStage]} to ${STAGE_NAMES[entry.toStage]}`
      : `Case opened at ${STAGE_NAMES[entry.toStage]}`,
    data: {
      ...(entry.fromStage ? { fromStage: entry.fromStage } : {}),
      toStage: entry.toStage,
      ...(entry.note ? { note: entry.note } : {}),
    },
    actorId: entry.changedBy ?? null,
    visibility: "client",
    createdAt: entry.createdAt!,
  }));
  const entered = history.at(-1)!.createdAt!;
  const decidedAt = input.outcome?.decidedAt.toISOString().slice(0, 10) ?? null;
  if (input.outcome) {
    timeline.push({
      caseId,
      kind: "outcome_decided",
      summary: `Decided: ${input.outcome.outcome} on ${decidedAt}`,
      data: { outcome: input.outcome.outcome, decidedAt },
      actorId: input.changedBy,
      visibility: "client",
      createdAt: input.outcome.decidedAt,
    });
  }
  const row: CaseInsert = {
    id: caseId,
    clientId: input.client.id,
    visaTypeId: input.visaTypeId,
    destinationCountry: input.destinationCountry ?? null,
    targetDate: input.targetDate ?? null,
    currentStage: input.stage,
    stageEnteredAt: entered,
    consultantId: input.consultantId ?? null,
    outcome: input.outcome?.outcome ?? null,
    decidedAt,
    createdAt: input.openedAt,
    updatedAt: input.outcome?.decidedAt ?? entered,
  };
  const applicants: ApplicantInsert[] = [
    {
      caseId,
      kind: "principal",
      userId: input.client.id,
      fullName: input.client.name,
      email: input.client.email,
      position: 0,
      createdAt: input.openedAt,
    },
    ...(input.dependants ?? []).map((dependant, index) => ({
      caseId,
      kind: "dependant" as const,
      userId: dependant.userId ?? null,
      fullName: dependant.fullName,
      relationship: dependant.relationship,
      dateOfBirth: dependant.dateOfBirth,
      position: index + 1,
      createdAt: input.openedAt,
    })),
  ];
  return { case: row, applicants, history, timeline };
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
    contactBy: addBusinessDays(input.createdAt, CONTACT_BUSINESS_DAYS),
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
