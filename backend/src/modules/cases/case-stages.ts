import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { VisaStage } from "@referral-app/shared/schemas/visa";
import { visaStageState } from "@referral-app/shared/visa-progress";

export interface StageEntry {
  fromStage: VisaStageId | null;
  toStage: VisaStageId;
  createdAt: Date;
}

export const stageName = (id: VisaStageId): string =>
  VISA_STAGES.find((stage) => stage.id === id)?.name ?? id;

/**
 * The five stages with their dates, from the history in order. The latest entry into a stage is
 * when it started; the next move out of it after that is when it ended.
 */
export function stagesFromHistory(
  current: VisaStageId,
  history: readonly StageEntry[],
  paymentCompletedAt: Date | null = null,
): VisaStage[] {
  return VISA_STAGES.map((stage) => {
    const entered = history.filter((entry) => entry.toStage === stage.id).at(-1);
    // Payment is the last stage: nothing moves out of it; the paid stage invoice completes it.
    const paid = stage.id === "payment" && current === "payment" && paymentCompletedAt !== null;
    const left = paid
      ? { createdAt: paymentCompletedAt }
      : entered
        ? history.find((entry) => entry.createdAt > entered.createdAt && entry.fromStage === stage.id)
        : undefined;
    const status = paid ? "completed" : visaStageState(stage.id, current);
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
