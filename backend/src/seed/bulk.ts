import { faker } from "@faker-js/faker/locale/en";
import {
  CASE_OUTCOMES,
  REFERRAL_STATUS_VALUES,
  RELATIONSHIPS,
  type ReferralStatus,
  VISA_INTERESTS,
  VISA_STAGE_IDS,
} from "@referral-app/shared/constants";
import { and, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { AppContext } from "../context.ts";
import type { DbOrTx } from "../db/client.ts";
import { referrals, users, visaTypes } from "../db/schema/index.ts";
import { hashDemoPassword } from "./demo.ts";
import { addCase } from "./demo-cases.ts";
import { type RewardRules, referralRows, userRows } from "./seed-rows.ts";
import { BATCH_ROWS, emptySeedRows, writeSeedRows } from "./seed-writer.ts";

// Large data sets for benchmarks: clients `client<N>@bulk.demo.test` (password demo-password-1),
// each with C visa cases (one open, older ones decided) and M referrals spread over the last 180 days,
// with history and rewards.

export const BULK_DOMAIN = "bulk.demo.test";
export const bulkEmail = (index: number) => `client${index}@${BULK_DOMAIN}`;

export interface BulkOptions {
  users: number;
  referralsPerUser: number;
  /** Cases per client (default 1): the newest open, the others decided. */
  casesPerUser?: number;
  onProgress?: (progress: { referrals: number; rows: number }) => void;
  now?: Date;
}

export interface BulkResult {
  users: number;
  referrals: number;
  rows: number;
}

const DAY_MS = 86_400_000;
// A realistic pipeline: most referrals still open, a fifth converted.
const STATUS_WEIGHTS: Record<ReferralStatus, number> = {
  pending: 0.35,
  contacted: 0.2,
  qualified: 0.15,
  converted: 0.2,
  rejected: 0.1,
};

function pickStatus(): ReferralStatus {
  let roll = Math.random();
  for (const status of REFERRAL_STATUS_VALUES) {
    roll -= STATUS_WEIGHTS[status];
    if (roll <= 0) return status;
  }
  return "pending";
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

// faker costs ~30 µs a call: draw pools once, then pick from them (a million referrals need speed).
function namePools(size = 400) {
  return {
    first: Array.from({ length: size }, () => faker.person.firstName()),
    last: Array.from({ length: size }, () => faker.person.lastName()),
    countries: Array.from({ length: 60 }, () => faker.location.countryCode()),
  };
}
const slug = (text: string) => text.toLowerCase().replace(/[^a-z]+/g, "");

/** How many bulk clients and referrals by them exist now. */
export async function bulkCounts(db: DbOrTx): Promise<{ users: number; referrals: number }> {
  const [row] = await db
    .select({
      users: sql<number>`count(distinct ${users.id})::int`,
      referrals: sql<number>`count(${referrals.id})::int`,
    })
    .from(users)
    .leftJoin(referrals, eq(referrals.referrerId, users.id))
    .where(like(users.email, `%@${BULK_DOMAIN}`));
  return { users: row?.users ?? 0, referrals: row?.referrals ?? 0 };
}

/**
 * Inserts the clients that do not exist yet, with their referrals, in transactions of about
 * BATCH_ROWS referrals (multi-row INSERTs); an interrupted run resumes where it stopped.
 */
export async function seedBulk(ctx: AppContext, options: BulkOptions): Promise<BulkResult> {
  const now = options.now ?? new Date();
  const perUser = options.referralsPerUser;
  const passwordHash = await hashDemoPassword(ctx);
  const [staff] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, "staff@demo.test"));
  const casesPerUser = options.casesPerUser ?? 1;
  const typeIds = (
    await ctx.db.select({ id: visaTypes.id }).from(visaTypes).where(eq(visaTypes.active, true))
  ).map((row) => row.id);
  const consultantIds = (
    await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "staff"), isNull(users.deactivatedAt)))
  ).map((row) => row.id);
  const rules: RewardRules = {
    reward: ctx.config.referralReward,
    holdingDays: ctx.config.rewardHoldingDays,
    commissions: new Map(),
    now,
  };
  const usersPerChunk = Math.max(1, Math.floor(BATCH_ROWS / Math.max(1, perUser, casesPerUser * 4)));
  const codes = new Set<string>();
  const result: BulkResult = { users: 0, referrals: 0, rows: 0 };
  const pools = namePools();

  for (let first = 1; first <= options.users; first += usersPerChunk) {
    const last = Math.min(options.users, first + usersPerChunk - 1);
    const emails = Array.from({ length: last - first + 1 }, (_, k) => bulkEmail(first + k));
    const existing = new Set(
      (
        await ctx.db
          .select({ email: users.email })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, emails))
      ).map((row) => row.email.toLowerCase()),
    );
    const rows = emptySeedRows();
    for (const email of emails) {
      if (existing.has(email)) continue;
      const firstName = pick(pools.first);
      const lastName = pick(pools.last);
      const joined = new Date(now.getTime() - (200 + Math.random() * 165) * DAY_MS);
      const { user, account } = userRows(
        {
          name: `${firstName} ${lastName}`,
          email,
          role: "client",
          country: pick(pools.countries),
          createdAt: joined,
        },
        passwordHash,
        codes,
      );
      rows.users.push(user);
      rows.accounts.push(account);
      // Cases follow one another: each older one was decided before the next was opened.
      const span = (now.getTime() - joined.getTime()) / casesPerUser;
      for (let c = 0; c < casesPerUser; c += 1) {
        const openedAt = new Date(joined.getTime() + c * span);
        const latest = c === casesPerUser - 1;
        const decidedAt = new Date(openedAt.getTime() + span * 0.9);
        addCase(rows, {
          client: { id: user.id!, name: user.name!, email },
          visaTypeId: pick(typeIds),
          stage: latest ? pick(VISA_STAGE_IDS) : "application",
          openedAt,
          now: latest ? now : new Date(openedAt.getTime() + span * 0.8),
          changedBy: staff?.id ?? null,
          consultantId: consultantIds.length > 0 && Math.random() < 0.9 ? pick(consultantIds) : null,
          ...(latest ? {} : { outcome: { outcome: pick(CASE_OUTCOMES), decidedAt } }),
        });
      }
      for (let n = 1; n <= perUser; n += 1) {
        const friendFirst = pick(pools.first);
        const friendLast = pick(pools.last);
        const status = pickStatus();
        const built = referralRows(
          {
            referrerId: user.id,
            fullName: `${friendFirst} ${friendLast}`,
            email: `${slug(friendFirst)}.${slug(friendLast)}.${n}@example.com`,
            country: pick(pools.countries),
            relationship: pick(RELATIONSHIPS),
            visaInterest: pick(VISA_INTERESTS),
            status,
            ...(status === "rejected"
              ? { rejectedFrom: pick(["pending", "contacted", "qualified"] as const) }
              : {}),
            createdAt: new Date(now.getTime() - Math.random() * 180 * DAY_MS),
            stepHours: 12 + Math.random() * 120,
            changedBy: staff?.id ?? null,
          },
          rules,
        );
        rows.referrals.push(built.referral);
        rows.history.push(...built.history);
        rows.ledger.push(...built.ledger);
      }
    }
    if (rows.users.length > 0) {
      const written = await ctx.db.transaction(async (tx) => {
        // Seed data can be regenerated: skip waiting for the WAL flush on each commit.
        await tx.execute(sql`set local synchronous_commit = off`);
        return writeSeedRows(tx, rows);
      });
      result.users += rows.users.length;
      result.referrals += rows.referrals.length;
      result.rows += written;
    }
    options.onProgress?.({ referrals: (last - first + 1) * perUser, rows: result.rows });
  }
  return result;
}
