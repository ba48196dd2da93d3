import { describe, expect, it } from "vitest";
import { VISA_STAGE_IDS } from "./constants.ts";
import { visaPercentComplete, visaStageState } from "./visa-progress.ts";

describe("visa progress", () => {
  it("marks the stages before the current one completed and the ones after it upcoming", () => {
    expect(VISA_STAGE_IDS.map((stage) => visaStageState(stage, "assessment"))).toEqual([
      "completed",
      "completed",
      "current",
      "upcoming",
      "upcoming",
    ]);
  });

  it("has nothing completed at the first stage and every stage but the last at the last", () => {
    expect(VISA_STAGE_IDS.map((stage) => visaStageState(stage, "enquiry"))[0]).toBe("current");
    expect(VISA_STAGE_IDS.filter((stage) => visaStageState(stage, "payment") === "completed")).toHaveLength(
      4,
    );
  });

  it("counts completed stages in whole percent", () => {
    expect(VISA_STAGE_IDS.map(visaPercentComplete)).toEqual([0, 20, 40, 60, 80]);
  });
});
