import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type { AdminCaseListQuery } from "@referral-app/shared/schemas/case";
import { useSearchParams } from "react-router";

export type CaseFilters = Omit<AdminCaseListQuery, "cursor" | "limit">;
export type CaseView = "table" | "board";

const FILTER_KEYS = ["q", "stage", "consultantId", "visaTypeId", "overdueTasks", "state"] as const;

function isStage(value: string | null): value is VisaStageId {
  return VISA_STAGE_IDS.includes(value as VisaStageId);
}

function stateOf(value: string | null): NonNullable<CaseFilters["state"]> {
  return value === "decided" || value === "all" ? value : "open";
}

/** The filters live in the URL (bookmarkable); `fixed` pins some, e.g. "My cases" pins the consultant. */
export function useCaseFilters(fixed: Partial<CaseFilters> = {}) {
  const [params, setParams] = useSearchParams();
  const stage = params.get("stage");
  const filters: CaseFilters = {
    q: params.get("q") || undefined,
    stage: isStage(stage) ? stage : undefined,
    consultantId: (params.get("consultantId") || undefined) as CaseFilters["consultantId"],
    visaTypeId: params.get("visaTypeId") || undefined,
    overdueTasks: params.get("overdueTasks") === "true" ? "true" : undefined,
    state: stateOf(params.get("state")),
    ...fixed,
  };
  const view: CaseView = params.get("view") === "board" ? "board" : "table";

  const setFilters = (next: CaseFilters) =>
    setParams((current) => {
      const result = new URLSearchParams();
      for (const key of FILTER_KEYS) {
        const value = next[key];
        if (value && !(key in fixed) && !(key === "state" && value === "open"))
          result.set(key, String(value));
      }
      const currentView = current.get("view");
      if (currentView) result.set("view", currentView);
      return result;
    });

  const setView = (next: CaseView) =>
    setParams((current) => {
      const result = new URLSearchParams(current);
      if (next === "table") result.delete("view");
      else result.set("view", next);
      return result;
    });

  return { filters, setFilters, view, setView };
}
