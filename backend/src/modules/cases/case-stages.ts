import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { VisaStage } from "@referral-app/shared/schemas/visa";

export interface StageEntry {
  fromStage: VisaStageId | null;
  toStage: VisaStageId;
  createdAt: Date;
}

export const stageName = (id: VisaStageId): string =>
  VISA_STAGES.find((stage) => stage.id === id)?.name ?? id;

const stageOrder = (id: VisaStageId): number => VISA_STAGES.find((stage) => stage.id === id)!.order;

/** Share of the stages already completed: "2 of 5 stages" is 40%. */
export function percentComplete(current: VisaStageId): number {
  return Math.round(((stageOrder(current) - 1) / VISA_STAGES.length) * 100);
}

/**
 * The five stages with their dates, from the history in order. The latest entry into a stage is
 * when it started; the next move out of it after that is when it ended.
 */
export function stagesFromHistory(current: VisaStageId, history: readonly StageEntry[]): VisaStage[] {
  const currentOrder = stageOrder(current);
  return VISA_STAGES.map((stage) => {
    const entered = history.filter((entry) => entry.toStage === stage.id).at(-1);
    const left = entered
      ? history.find((entry) => entry.createdAt > entered.createdAt && entry.fromStage === stage.id)
      : undefined;
    const status =
      stage.order < currentOrder ? "completed" : stage.order === currentOrder ? "current" : "upcoming";
    return {
      id: stage.id,
      name: stage.name,
      order: stage.order,
      status,
      completed: status === "completed",
      startedAt: status === "upcoming" ? null : (entered?.createdAt.toISOString() ?? null),
      completedAt: status === "completed" ? (left?.createdAt.toISOString() ?? null) : null,
    };
  });
}
