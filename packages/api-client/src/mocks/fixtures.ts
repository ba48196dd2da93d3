import { base, en, Faker } from "@faker-js/faker";
import { RELATIONSHIPS, VISA_INTERESTS, VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { EvaluatedFeatures } from "@referral-app/shared/schemas/features";
import type { Notification } from "@referral-app/shared/schemas/notification";
import type { ReferralDetail, ReferralStatusChange } from "@referral-app/shared/schemas/referral";
import { defaultUserPreferences, type UserProfile } from "@referral-app/shared/schemas/user";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { visaPercentComplete, visaStageState } from "@referral-app/shared/visa-progress";
import { type CaseFixtures, createCaseFixtures } from "./case-fixtures.ts";

export interface FixtureOptions {
  /** Same seed, same people, ids and texts. */
  seed?: number;
  /** Dates are laid out before this moment. */
  now?: Date;
}

export interface Fixtures extends CaseFixtures {
  user: UserProfile;
  visaProgress: VisaProgress;
  referrals: ReferralDetail[];
  notifications: Notification[];
  features: EvaluatedFeatures;
}

export const DEMO_PASSWORD = "demo-password-1";

const PIPELINE = ["pending", "contacted", "qualified", "converted"] as const;

function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
}

/** A demo client with a case at "assessment" (and a granted one), eight referrals across the pipeline and some notifications. */
export function createFixtures(options: FixtureOptions = {}): Fixtures {
  const faker = createFaker(options.seed ?? 42);
  const now = options.now ?? new Date();
  const iso = (date: Date) => date.toISOString();
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const createdAt = daysAgo(120);
  const user: UserProfile = {
    id: faker.string.uuid(),
    email: faker.internet.email({ firstName, lastName, provider: "example.com" }).toLowerCase(),
    name: `${firstName} ${lastName}`,
    phone: "+61 400 123 456",
    country: "AU",
    role: "client",
    referralCode: faker.string.alphanumeric({ length: 8, casing: "upper" }),
    emailVerified: true,
    createdAt: iso(createdAt),
    profilePicture: null,
    preferences: defaultUserPreferences(),
    visaStatus: { currentStage: "assessment", updatedAt: iso(daysAgo(10)) },
  };

  const referrals = Array.from({ length: 8 }, (_, index): ReferralDetail => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const created = faker.date.between({ from: daysAgo(90), to: daysAgo(1) });
    const status = index === 7 ? "rejected" : (PIPELINE[index % PIPELINE.length] ?? "pending");
    const steps =
      status === "rejected"
        ? (["pending", "rejected"] as const)
        : PIPELINE.slice(0, PIPELINE.indexOf(status) + 1);
    const history = steps.map(
      (toStatus, step): ReferralStatusChange => ({
        id: faker.string.uuid(),
        fromStatus: step === 0 ? null : (steps[step - 1] ?? null),
        toStatus,
        messageToReferrer: step === 0 ? null : faker.lorem.sentence(),
        createdAt: iso(new Date(created.getTime() + step * 86_400_000)),
      }),
    );
    return {
      id: faker.string.uuid(),
      referrerId: user.id,
      fullName: `${first} ${last}`,
      email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase(),
      phone: index % 3 === 0 ? null : faker.helpers.replaceSymbols("+61 4## ### ###"),
      country: faker.helpers.arrayElement(["AU", "IN", "NP", "PH", "VN", "CO", "BR"]),
      relationship: faker.helpers.arrayElement(RELATIONSHIPS),
      visaInterest: faker.helpers.arrayElement(VISA_INTERESTS),
      notes: index % 2 === 0 ? faker.lorem.sentence() : null,
      status,
      source: "client",
      partnerOrganizationId: null,
      referredUserId: null,
      reward:
        status === "converted"
          ? {
              amountMinor: 10_000,
              currency: "USD",
              status: "approved",
              availableAt: iso(new Date(created.getTime() + 14 * 86_400_000)),
              updatedAt: iso(created),
            }
          : null,
      // The newest pending referral is within its contact deadline; older ones are past it.
      contactBy: iso(
        index === 0 ? new Date(now.getTime() + 2 * 86_400_000) : new Date(created.getTime() + 2 * 86_400_000),
      ),
      contactOverdue: status === "pending" && index !== 0,
      caseId: null,
      friend: null,
      review: null,
      createdAt: iso(created),
      updatedAt: history.at(-1)?.createdAt ?? iso(created),
      history,
    };
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  const notifications = Array.from({ length: 6 }, (_, index): Notification => {
    const referral = referrals[index % referrals.length];
    const type = index === 5 ? "system" : index % 2 === 0 ? "referral" : "status_update";
    return {
      id: faker.string.uuid(),
      userId: user.id,
      type,
      title:
        type === "referral" ? `${referral?.fullName ?? "A friend"} was contacted` : "Your case moved forward",
      body: faker.lorem.sentence(),
      data: referral && type === "referral" ? { referralId: referral.id } : null,
      readAt: index < 3 ? null : iso(daysAgo(index)),
      createdAt: iso(faker.date.between({ from: daysAgo(index + 1), to: daysAgo(index) })),
    };
  }).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return {
    user,
    visaProgress: buildVisaProgress(user.id, "assessment", createdAt, now, faker.string.uuid()),
    referrals,
    notifications,
    features: { "referral-analytics": true, "advanced-filters": false },
    ...createCaseFixtures(user, now),
  };
}

/** The five stages with the ones before `current` completed, spaced evenly since the case opened. */
export function buildVisaProgress(
  userId: string,
  current: VisaStageId,
  openedAt: Date,
  now: Date,
  applicationId: string,
): VisaProgress {
  const currentOrder = VISA_STAGES.find((stage) => stage.id === current)?.order ?? 1;
  const step = (now.getTime() - openedAt.getTime()) / currentOrder;
  const at = (order: number) => new Date(openedAt.getTime() + (order - 1) * step).toISOString();
  const stages = VISA_STAGES.map((stage) => {
    const status = visaStageState(stage.id, current);
    return {
      id: stage.id,
      name: stage.name,
      order: stage.order,
      status,
      completed: status === "completed",
      startedAt: status === "upcoming" ? null : at(stage.order),
      completedAt: status === "completed" ? at(stage.order + 1) : null,
    } as const;
  });
  const history = stages
    .filter((stage) => stage.status !== "upcoming")
    .map((stage, index) => ({
      id: `${applicationId}-${stage.id}`,
      fromStage: index === 0 ? null : (VISA_STAGES[index - 1]?.id ?? null),
      toStage: stage.id,
      note: null,
      changedBy: null,
      createdAt: stage.startedAt ?? now.toISOString(),
    }));
  return {
    userId,
    applicationId,
    currentStage: current,
    percentComplete: visaPercentComplete(current),
    stages,
    history,
    updatedAt: at(currentOrder),
  };
}

/** The default fixtures (seed 42), for tests that want to assert on names and counts. */
export const fixtures: Fixtures = createFixtures();
