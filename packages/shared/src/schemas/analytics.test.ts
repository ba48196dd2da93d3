import { describe, expect, it } from "vitest";
import { analyticsRangeQuerySchema, funnelSchema, trackEventSchema, trackEventsSchema } from "./analytics.ts";

describe("trackEventsSchema", () => {
  it("accepts a batch of events with simple properties", () => {
    const batch = {
      events: [
        { name: "referral_created", properties: { source: "web", count: 1, ok: true, none: null } },
        { name: "page.view", occurredAt: "2026-03-05T10:00:00.000Z", sessionId: "s1" },
      ],
    };
    expect(trackEventsSchema.parse(batch)).toEqual(batch);
  });

  it.each([
    ["an empty batch", { events: [] }],
    ["more than 50 events", { events: Array.from({ length: 51 }, () => ({ name: "x" })) }],
    ["an upper-case name", { events: [{ name: "ReferralCreated" }] }],
    ["a nested property", { events: [{ name: "x", properties: { a: { b: 1 } } }] }],
    ["an unknown key", { events: [{ name: "x", userId: "u1" }] }],
  ])("rejects %s", (_, batch) => {
    expect(trackEventsSchema.safeParse(batch).success).toBe(false);
  });

  it("caps properties at 30", () => {
    const properties = Object.fromEntries(Array.from({ length: 31 }, (_, index) => [`p${index}`, index]));
    expect(trackEventSchema.safeParse({ name: "x", properties }).success).toBe(false);
  });
});

describe("analytics reads", () => {
  it("ranges need from ≤ to", () => {
    expect(analyticsRangeQuerySchema.safeParse({ from: "2026-03-01", to: "2026-03-31" }).success).toBe(true);
    expect(analyticsRangeQuerySchema.safeParse({}).success).toBe(true);
    const backwards = analyticsRangeQuerySchema.safeParse({ from: "2026-04-01", to: "2026-03-01" });
    expect(backwards.error?.issues[0]?.path).toEqual(["from"]);
  });

  it("a funnel has counts per status and a rate between 0 and 1", () => {
    const funnel = {
      from: "2026-03-01",
      to: "2026-03-31",
      total: 10,
      byStatus: { pending: 4, contacted: 3, qualified: 1, converted: 1, rejected: 1 },
      reached: { pending: 10, contacted: 5, qualified: 2, converted: 1 },
      conversionRate: 0.1,
      medianHoursToConvert: null,
    };
    expect(funnelSchema.parse(funnel)).toEqual(funnel);
    expect(funnelSchema.safeParse({ ...funnel, conversionRate: 2 }).success).toBe(false);
  });
});
