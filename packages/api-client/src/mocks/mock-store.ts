import { REFERRAL_STATUS_VALUES } from "@referral-app/shared/constants";
import type { Notification } from "@referral-app/shared/schemas/notification";
import type {
  CreateReferralInput,
  ReferralDetail,
  ReferralStats,
} from "@referral-app/shared/schemas/referral";
import type { UserProfile } from "@referral-app/shared/schemas/user";
import { createFixtures, DEMO_PASSWORD, type FixtureOptions, type Fixtures } from "./fixtures.ts";

export interface StoredAccount {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface IdempotentReply {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** The in-memory backend behind the MSW handlers; one per `createHandlers` call unless shared. */
export interface MockStore extends Fixtures {
  accounts: StoredAccount[];
  idempotency: Map<string, IdempotentReply>;
  signedIn: boolean;
  sessionToken: string;
  now: () => Date;
  nextId: () => string;
}

export interface MockStoreOptions extends FixtureOptions {
  /** Start signed in as the demo user (default true). */
  signedIn?: boolean;
}

export function createMockStore(options: MockStoreOptions = {}): MockStore {
  const data = createFixtures(options);
  let counter = 0;
  return {
    ...data,
    referrals: [...data.referrals],
    notifications: [...data.notifications],
    cases: [...data.cases],
    caseNotes: [...data.caseNotes],
    caseTasks: [...data.caseTasks],
    caseTimeline: [...data.caseTimeline],
    visaTypes: [...data.visaTypes],
    staff: [...data.staff],
    accounts: [{ id: data.user.id, email: data.user.email, name: data.user.name, password: DEMO_PASSWORD }],
    idempotency: new Map(),
    signedIn: options.signedIn ?? true,
    sessionToken: "mock-session-token",
    now: () => new Date(),
    nextId: () => {
      counter += 1;
      return `mock-${counter.toString().padStart(6, "0")}`;
    },
  };
}

/** Only the demo user's own resources exist: anyone else's id answers 404 like the real API. */
export function isOwnUser(store: MockStore, id: string | readonly string[] | undefined): boolean {
  return id === "me" || id === store.user.id;
}

export function addReferral(store: MockStore, input: CreateReferralInput): ReferralDetail {
  const createdAt = store.now().toISOString();
  const referral: ReferralDetail = {
    id: store.nextId(),
    referrerId: store.user.id,
    fullName: input.fullName,
    email: input.email,
    phone: input.phone ?? null,
    country: input.country ?? null,
    relationship: input.relationship ?? null,
    visaInterest: input.visaInterest ?? null,
    notes: input.notes ?? null,
    status: "pending",
    source: "client",
    partnerOrganizationId: null,
    referredUserId: null,
    reward: null,
    contactBy: new Date(store.now().getTime() + 2 * 86_400_000).toISOString(),
    contactOverdue: false,
    caseId: null,
    friend: null,
    review: null,
    createdAt,
    updatedAt: createdAt,
    history: [
      {
        id: store.nextId(),
        fromStatus: null,
        toStatus: "pending",
        messageToReferrer: null,
        createdAt,
      },
    ],
  };
  store.referrals.unshift(referral);
  return referral;
}

export function referralStats(store: MockStore): ReferralStats {
  const byStatus = Object.fromEntries(
    REFERRAL_STATUS_VALUES.map((status) => [status, 0]),
  ) as ReferralStats["byStatus"];
  let earnedMinor = 0;
  let pendingMinor = 0;
  for (const referral of store.referrals) {
    byStatus[referral.status] += 1;
    if (referral.reward?.status === "approved" || referral.reward?.status === "paid") {
      earnedMinor += referral.reward.amountMinor;
    } else if (referral.reward?.status === "pending") pendingMinor += referral.reward.amountMinor;
  }
  const total = store.referrals.length;
  return {
    total,
    byStatus,
    conversionRate: total === 0 ? 0 : byStatus.converted / total,
    rewards: earnedMinor || pendingMinor ? [{ currency: "USD", earnedMinor, pendingMinor }] : [],
  };
}

export function unreadCount(store: MockStore): number {
  return store.notifications.filter((notification) => notification.readAt === null).length;
}

export function markRead(store: MockStore, notification: Notification): Notification {
  notification.readAt ??= store.now().toISOString();
  return notification;
}

export function updateUser(store: MockStore, profile: UserProfile): void {
  store.user = profile;
  const account = store.accounts.find((entry) => entry.id === profile.id);
  if (account) account.name = profile.name;
}
