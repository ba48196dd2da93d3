import { describe, expect, it } from "vitest";
import {
  canTransitionReferral,
  isFinalReferralStatus,
  isStaffRole,
  NOTIFICATION_TYPE_VALUES,
  nextVisaStage,
  REFERRAL_STATUS_TRANSITIONS,
  REFERRAL_STATUS_VALUES,
  REWARD_STATUS_TRANSITIONS,
  USER_ROLES,
  VISA_STAGE_IDS,
  VISA_STAGES,
} from "./constants.ts";

describe("referral transitions", () => {
  it("moves forward through the pipeline", () => {
    expect(canTransitionReferral("pending", "contacted")).toBe(true);
    expect(canTransitionReferral("contacted", "qualified")).toBe(true);
    expect(canTransitionReferral("qualified", "converted")).toBe(true);
  });

  it("can reject from every open status", () => {
    for (const from of ["pending", "contacted", "qualified"] as const) {
      expect(canTransitionReferral(from, "rejected")).toBe(true);
    }
  });

  it("never skips a step, goes back, or stays put", () => {
    expect(canTransitionReferral("pending", "qualified")).toBe(false);
    expect(canTransitionReferral("pending", "converted")).toBe(false);
    expect(canTransitionReferral("contacted", "converted")).toBe(false);
    expect(canTransitionReferral("qualified", "contacted")).toBe(false);
    expect(canTransitionReferral("contacted", "pending")).toBe(false);
    for (const status of REFERRAL_STATUS_VALUES) expect(canTransitionReferral(status, status)).toBe(false);
  });

  it("never leaves converted or rejected", () => {
    for (const to of REFERRAL_STATUS_VALUES) {
      expect(canTransitionReferral("converted", to)).toBe(false);
      expect(canTransitionReferral("rejected", to)).toBe(false);
    }
    expect(isFinalReferralStatus("converted")).toBe(true);
    expect(isFinalReferralStatus("rejected")).toBe(true);
    expect(isFinalReferralStatus("qualified")).toBe(false);
  });

  it("has a row for every status, pointing only at known statuses", () => {
    expect(Object.keys(REFERRAL_STATUS_TRANSITIONS).sort()).toEqual([...REFERRAL_STATUS_VALUES].sort());
    for (const targets of Object.values(REFERRAL_STATUS_TRANSITIONS)) {
      for (const target of targets) expect(REFERRAL_STATUS_VALUES).toContain(target);
    }
  });

  it("moves rewards from pending to paid or credited, or reverses them", () => {
    expect(REWARD_STATUS_TRANSITIONS.pending).toEqual(["approved", "reversed"]);
    expect(REWARD_STATUS_TRANSITIONS.approved).toEqual(["paid", "credited", "reversed"]);
    expect(REWARD_STATUS_TRANSITIONS.paid).toEqual([]);
    expect(REWARD_STATUS_TRANSITIONS.credited).toEqual([]);
  });
});

describe("visa stages", () => {
  it("are the seed's five, in order", () => {
    expect(VISA_STAGE_IDS).toEqual(["enquiry", "detailed_enquiry", "assessment", "application", "payment"]);
    expect(VISA_STAGES.map((stage) => stage.order)).toEqual([1, 2, 3, 4, 5]);
  });

  it("knows the stage after each visa stage", () => {
    expect(nextVisaStage("enquiry")).toBe("detailed_enquiry");
    expect(nextVisaStage("detailed_enquiry")).toBe("assessment");
    expect(nextVisaStage("assessment")).toBe("application");
    expect(nextVisaStage("application")).toBe("payment");
    expect(nextVisaStage("payment")).toBeNull();
  });
});

describe("roles and types", () => {
  it("treats staff and admin as staff", () => {
    expect(USER_ROLES.filter(isStaffRole)).toEqual(["staff", "admin"]);
  });

  it("keeps the seed's notification types as wire values (and messages after them)", () => {
    expect(NOTIFICATION_TYPE_VALUES).toEqual([
      "status_update",
      "reminder",
      "referral",
      "system",
      "promotional",
      "message",
    ]);
  });
});
