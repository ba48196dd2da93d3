import { describe, expect, it } from "vitest";
import {
  createReferralSchema,
  referralDetailSchema,
  referralListQuerySchema,
  referralSchema,
  referralStatsSchema,
  updateReferralStatusSchema,
} from "./referral.ts";

const referral = {
  id: "r1",
  referrerId: "u1",
  fullName: "Ana Lima",
  email: "ana@example.com",
  phone: null,
  country: "BR",
  relationship: "friend",
  visaInterest: "student",
  notes: null,
  status: "pending",
  source: "client",
  partnerOrganizationId: null,
  referredUserId: null,
  reward: null,
  contactBy: "2026-03-09T10:00:00.000Z",
  contactOverdue: false,
  caseId: null,
  friend: null,
  review: null,
  createdAt: "2026-03-05T10:00:00.000Z",
  updatedAt: "2026-03-05T10:00:00.000Z",
};

describe("createReferralSchema", () => {
  it("accepts the minimum: a name and an email", () => {
    expect(createReferralSchema.parse({ fullName: "Ana Lima", email: "ana@example.com" })).toEqual({
      fullName: "Ana Lima",
      email: "ana@example.com",
    });
  });

  it("accepts every field, normalised", () => {
    expect(
      createReferralSchema.parse({
        fullName: "  Ana Lima ",
        email: " Ana.Lima@Example.COM",
        phone: "+55 11 91234-5678",
        country: "br",
        relationship: "family",
        visaInterest: "work",
        notes: " Call after 5pm ",
        consent: true,
      }),
    ).toEqual({
      fullName: "Ana Lima",
      email: "ana.lima@example.com",
      phone: "+55 11 91234-5678",
      country: "BR",
      relationship: "family",
      visaInterest: "work",
      notes: "Call after 5pm",
      consent: true,
    });
  });

  it("treats empty optional strings as not given", () => {
    const parsed = createReferralSchema.parse({
      fullName: "Ana",
      email: "ana@example.com",
      phone: "",
      country: "",
      notes: "   ",
    });
    expect(parsed.phone).toBeUndefined();
    expect(parsed.country).toBeUndefined();
    expect(parsed.notes).toBeUndefined();
  });

  it.each([
    ["a bad email", { email: "ana@" }, "email"],
    ["a bad phone", { phone: "123" }, "phone"],
    ["a bad country", { country: "Brazil" }, "country"],
    ["an empty name", { fullName: "  " }, "fullName"],
    ["an unknown relationship", { relationship: "neighbour" }, "relationship"],
    ["too long notes", { notes: "x".repeat(1001) }, "notes"],
  ])("rejects %s", (_, change, field) => {
    const result = createReferralSchema.safeParse({ fullName: "Ana", email: "ana@example.com", ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it("rejects unknown keys and missing required ones", () => {
    expect(
      createReferralSchema.safeParse({ fullName: "Ana", email: "ana@example.com", status: "converted" })
        .success,
    ).toBe(false);
    expect(createReferralSchema.safeParse({ fullName: "Ana" }).success).toBe(false);
  });
});

describe("referral read models", () => {
  it("accept a referral and its detail with history", () => {
    expect(referralSchema.parse(referral)).toEqual(referral);
    const detail = {
      ...referral,
      reward: {
        amountMinor: 10_000,
        currency: "USD",
        status: "approved",
        availableAt: "2026-03-16T10:00:00.000Z",
        updatedAt: "2026-03-02T10:00:00.000Z",
      },
      history: [
        {
          id: "h1",
          fromStatus: null,
          toStatus: "pending",
          messageToReferrer: null,
          internalNote: null,
          changedBy: "u1",
          createdAt: referral.createdAt,
        },
      ],
    };
    expect(referralDetailSchema.parse(detail)).toEqual(detail);
  });

  it("refuse unknown statuses, sources and missing fields", () => {
    expect(referralSchema.safeParse({ ...referral, status: "won" }).success).toBe(false);
    expect(referralSchema.safeParse({ ...referral, source: "web" }).success).toBe(false);
    const { email: _email, ...withoutEmail } = referral;
    expect(referralSchema.safeParse(withoutEmail).success).toBe(false);
    expect(referralDetailSchema.safeParse(referral).success).toBe(false);
  });

  it("accept stats and refuse a rate above 1", () => {
    const stats = {
      total: 4,
      byStatus: { pending: 1, contacted: 1, qualified: 1, converted: 1, rejected: 0 },
      conversionRate: 0.25,
      rewards: [{ currency: "USD", earnedMinor: 10_000, pendingMinor: 0 }],
    };
    expect(referralStatsSchema.parse(stats)).toEqual(stats);
    expect(referralStatsSchema.safeParse({ ...stats, conversionRate: 1.5 }).success).toBe(false);
    expect(referralStatsSchema.safeParse({ ...stats, byStatus: { pending: 1 } }).success).toBe(false);
  });
});

describe("referral queries and staff updates", () => {
  it("page and filter the list", () => {
    expect(referralListQuerySchema.parse({ status: "converted", page: "2" })).toEqual({
      status: "converted",
      page: 2,
      limit: 20,
    });
    expect(referralListQuerySchema.safeParse({ status: "won" }).success).toBe(false);
  });

  it("take a status, an internal note and a message to the referrer, nothing else", () => {
    expect(
      updateReferralStatusSchema.parse({
        status: "contacted",
        internalNote: " Called ",
        messageToReferrer: " We spoke today ",
      }),
    ).toEqual({ status: "contacted", internalNote: "Called", messageToReferrer: "We spoke today" });
    // The old field name is still accepted (the service reads it as the internal note).
    expect(updateReferralStatusSchema.parse({ status: "contacted", notes: " Called " })).toEqual({
      status: "contacted",
      notes: "Called",
    });
    expect(updateReferralStatusSchema.safeParse({ status: "contacted", by: "x" }).success).toBe(false);
  });
});
