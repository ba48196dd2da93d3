import { describe, expect, it } from "vitest";
import { notificationLink } from "./notification-link.ts";

describe("notificationLink", () => {
  it("leads to the case, an invoice's case, the referral, or nowhere", () => {
    expect(notificationLink({ data: { kind: "case", caseId: "c1" } })).toBe("/cases/c1");
    expect(notificationLink({ data: { caseId: "c1", invoiceId: "i1" } })).toBe("/cases/c1#invoices");
    expect(notificationLink({ data: { kind: "reward", rewardId: "w", referralId: "r 1" } })).toBe(
      "/referrals?referral=r%201",
    );
    expect(notificationLink({ data: { kind: "broadcast", broadcastId: "b" } })).toBeNull();
    expect(notificationLink({ data: null })).toBeNull();
    expect(notificationLink({ data: { caseId: 42 } })).toBeNull();
  });
});
