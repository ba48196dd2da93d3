import type { CaseAnalytics } from "@referral-app/shared/schemas/case";
import type { AppContext } from "../../context.ts";
import { findCaseAnalytics } from "./case-analytics.repository.ts";

// Aggregates over every case: shared for a minute rather than recomputed per staff page view.
const CACHE_KEY = "analytics:cases";
const CACHE_SECONDS = 60;

export function getCaseAnalytics(ctx: AppContext): Promise<CaseAnalytics> {
  return ctx.cache.wrap(CACHE_KEY, CACHE_SECONDS, () => findCaseAnalytics(ctx.db));
}
