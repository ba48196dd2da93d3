import { VISA_STAGES, type VisaStageId } from "./constants.ts";
import type { VisaStageState } from "./schemas/visa.ts";

const orderOf = (stage: VisaStageId) => VISA_STAGES.find((entry) => entry.id === stage)!.order;

/** Where a stage stands on a case now at `current`: the ones before it are completed. */
export function visaStageState(stage: VisaStageId, current: VisaStageId): VisaStageState {
  const order = orderOf(stage);
  const currentOrder = orderOf(current);
  return order < currentOrder ? "completed" : order === currentOrder ? "current" : "upcoming";
}

/** Share of the stages already completed, in whole percent: at the third of five stages, 40. */
export function visaPercentComplete(current: VisaStageId): number {
  return Math.round(((orderOf(current) - 1) / VISA_STAGES.length) * 100);
}
