import { useFeature } from "@referral-app/api-client/react";
import type { ReactNode } from "react";

export interface FeatureToggleProps {
  /** A flag key from GET /api/features, e.g. "referral-analytics". */
  feature: string;
  children: ReactNode;
  /** Shown while the flag is off (or still loading). */
  fallback?: ReactNode;
}

/** Renders its children only when the feature is on for this user (the seed's FeatureToggle). */
export function FeatureToggle({ feature, children, fallback = null }: FeatureToggleProps) {
  return useFeature(feature) ? children : fallback;
}
