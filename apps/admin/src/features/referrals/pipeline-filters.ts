import { REFERRAL_STATUS_VALUES, type ReferralStatus } from "@referral-app/shared/constants";
import type { AdminReferralListQuery } from "@referral-app/shared/schemas/admin";
import { useSearchParams } from "react-router";

export type PipelineFilters = Omit<AdminReferralListQuery, "cursor" | "limit">;
export type PipelineView = "table" | "board";

const FILTER_KEYS = ["q", "status", "partnerOrganizationId", "from", "to", "sort"] as const;

function isStatus(value: string | null): value is ReferralStatus {
  return REFERRAL_STATUS_VALUES.includes(value as ReferralStatus);
}

/** The filters live in the URL, so a filtered pipeline can be bookmarked and shared. */
export function usePipelineFilters() {
  const [params, setParams] = useSearchParams();
  const status = params.get("status");
  const filters: PipelineFilters = {
    q: params.get("q") || undefined,
    status: isStatus(status) ? status : undefined,
    partnerOrganizationId: params.get("partnerOrganizationId") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
    sort: params.get("sort") === "oldest" ? "oldest" : "newest",
  };
  const view: PipelineView = params.get("view") === "board" ? "board" : "table";

  const setFilters = (next: PipelineFilters) =>
    setParams((current) => {
      const result = new URLSearchParams();
      for (const key of FILTER_KEYS) {
        const value = next[key];
        if (value && !(key === "sort" && value === "newest")) result.set(key, String(value));
      }
      const currentView = current.get("view");
      if (currentView) result.set("view", currentView);
      return result;
    });

  const setView = (next: PipelineView) =>
    setParams((current) => {
      const result = new URLSearchParams(current);
      if (next === "table") result.delete("view");
      else result.set("view", next);
      return result;
    });

  return { filters, setFilters, view, setView };
}

/** Whole days since `createdAt`. */
export function ageInDays(createdAt: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(createdAt).getTime()) / 86_400_000));
}
