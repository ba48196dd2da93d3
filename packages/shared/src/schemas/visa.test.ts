import { describe, expect, it } from "vitest";
import { VISA_STAGES } from "../constants.ts";
import { advanceVisaStageSchema, setVisaStageSchema, visaProgressSchema } from "./visa.ts";

const at = "2026-03-05T10:00:00.000Z";
const stages = VISA_STAGES.map((stage) => ({
  id: stage.id,
  name: stage.name,
  order: stage.order,
  status: stage.order < 3 ? "completed" : stage.order === 3 ? "current" : "upcoming",
  completed: stage.order < 3,
  startedAt: stage.order <= 3 ? at : null,
  completedAt: stage.order < 3 ? at : null,
}));
const progress = {
  userId: "u1",
  applicationId: "a1",
  currentStage: "assessment",
  percentComplete: 40,
  stages,
  history: [{ id: "h1", fromStage: null, toStage: "enquiry", note: null, changedBy: null, createdAt: at }],
  updatedAt: at,
};

describe("visa schemas", () => {
  it("accept progress through the five stages", () => {
    expect(visaProgressSchema.parse(progress)).toEqual(progress);
  });

  it("refuse the wrong number of stages, an unknown stage or a percentage over 100", () => {
    expect(visaProgressSchema.safeParse({ ...progress, stages: stages.slice(0, 4) }).success).toBe(false);
    expect(visaProgressSchema.safeParse({ ...progress, currentStage: "visa_granted" }).success).toBe(false);
    expect(visaProgressSchema.safeParse({ ...progress, percentComplete: 101 }).success).toBe(false);
  });

  it("staff bodies take a note and, to set, a known stage", () => {
    expect(advanceVisaStageSchema.parse({ note: " Docs in " })).toEqual({ note: "Docs in" });
    expect(advanceVisaStageSchema.safeParse({ stage: "payment" }).success).toBe(false);
    expect(setVisaStageSchema.parse({ stage: "payment" })).toEqual({ stage: "payment" });
    expect(setVisaStageSchema.safeParse({ stage: "granted" }).success).toBe(false);
  });
});
