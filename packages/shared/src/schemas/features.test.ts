import { describe, expect, it } from "vitest";
import {
  evaluatedFeaturesSchema,
  featureFlagSchema,
  featureKeySchema,
  updateFeatureFlagSchema,
} from "./features.ts";

describe("feature schemas", () => {
  it("keys are lower-case kebab words", () => {
    expect(featureKeySchema.safeParse("referral-analytics").success).toBe(true);
    expect(featureKeySchema.safeParse("Referral_Analytics").success).toBe(false);
    expect(featureKeySchema.safeParse("a").success).toBe(false);
  });

  it("a flag lists its roles or null for everyone", () => {
    const flag = {
      key: "advanced-filters",
      description: "Filters",
      enabled: true,
      roles: ["staff"],
      updatedAt: "2026-03-05T10:00:00.000Z",
    };
    expect(featureFlagSchema.parse(flag)).toEqual(flag);
    expect(featureFlagSchema.parse({ ...flag, roles: null }).roles).toBeNull();
    expect(featureFlagSchema.safeParse({ ...flag, roles: ["guest"] }).success).toBe(false);
  });

  it("evaluated features are a map of booleans", () => {
    expect(evaluatedFeaturesSchema.parse({ "referral-analytics": true })).toEqual({
      "referral-analytics": true,
    });
    expect(evaluatedFeaturesSchema.safeParse({ "referral-analytics": "yes" }).success).toBe(false);
  });

  it("an update is strict", () => {
    expect(updateFeatureFlagSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(updateFeatureFlagSchema.safeParse({ key: "x" }).success).toBe(false);
  });
});
