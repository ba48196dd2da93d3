import { describe, expect, it } from "vitest";
import { canTransitionReferral, nextVisaStage, REFERRAL_STATUS_VALUES } from "./constants.ts";

describe("referral transitions", () => {
  it("moves forward through the pipeline", () => {
    expect(canTransitionReferral("pending", "contacted")).toBe(true);
    expect(canTransitionReferral("contacted", "qualified")).toBe(true);
    expect(canTransitionReferral("qualified", "converted")).toBe(true);
  });

  it("never leaves converted or rejected", () => {
    for (const to of REFERRAL_STATUS_VALUES) {
      expect(canTransitionReferral("converted", to)).toBe(false);
      expect(canTransitionReferral("rejected", to)).toBe(false);
    }
  });

  it("knows the stage after each visa stage", () => {
    expect(nextVisaStage("enquiry")).toBe("detailed_enquiry");
    expect(nextVisaStage("payment")).toBeNull();
  });
});
