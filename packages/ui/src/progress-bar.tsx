import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export type StepStatus = "completed" | "current" | "upcoming";

export interface ProgressStep {
  id: string;
  label: ReactNode;
  status: StepStatus;
  /** Extra line under the label, e.g. the date the stage was completed. */
  detail?: ReactNode;
}

export interface ProgressBarProps {
  steps: readonly ProgressStep[];
  /** Names the list for assistive technology, e.g. "Visa application progress". */
  label: string;
  orientation?: "horizontal" | "vertical";
  /** Words for each state, so the state is spoken and shown, never colour alone. */
  statusLabels?: Record<StepStatus, string>;
  className?: string;
}

const DEFAULT_STATUS_LABELS: Record<StepStatus, string> = {
  completed: "Completed",
  current: "Current",
  upcoming: "Upcoming",
};

function StepMarker({ status, index }: { status: StepStatus; index: number }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "z-10 flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-semibold",
        status === "completed" && "border-brand bg-brand text-brand-fg",
        status === "current" && "border-brand bg-card text-brand ring-4 ring-brand/20",
        status === "upcoming" && "border-border bg-card text-muted",
      )}
    >
      {status === "completed" ? (
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path
            fillRule="evenodd"
            d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z"
            clipRule="evenodd"
          />
        </svg>
      ) : (
        index + 1
      )}
    </span>
  );
}

/** The visa stages as an ordered list of steps; the current one carries aria-current="step". */
export function ProgressBar({
  steps,
  label,
  orientation = "horizontal",
  statusLabels = DEFAULT_STATUS_LABELS,
  className,
}: ProgressBarProps) {
  const vertical = orientation === "vertical";
  return (
    <ol
      aria-label={label}
      data-orientation={orientation}
      className={cn(vertical ? "flex flex-col" : "flex flex-col gap-4 sm:flex-row sm:gap-0", className)}
    >
      {steps.map((step, index) => {
        const last = index === steps.length - 1;
        return (
          <li
            key={step.id}
            aria-current={step.status === "current" ? "step" : undefined}
            data-status={step.status}
            className={cn(
              "relative flex gap-3",
              vertical ? "pb-6 last:pb-0" : "sm:flex-1 sm:flex-col sm:items-center sm:text-center",
            )}
          >
            {last ? null : (
              <span
                aria-hidden="true"
                className={cn(
                  "absolute",
                  step.status === "completed" ? "bg-brand" : "bg-border",
                  vertical
                    ? "top-8 bottom-0 left-4 w-0.5 -translate-x-1/2"
                    : "top-8 bottom-[-1rem] left-4 w-0.5 -translate-x-1/2 sm:top-4 sm:right-[-50%] sm:bottom-auto sm:left-1/2 sm:h-0.5 sm:w-auto sm:translate-x-0",
                )}
              />
            )}
            <StepMarker status={step.status} index={index} />
            <div className="flex flex-col sm:px-2">
              <span
                className={cn("text-sm font-medium", step.status === "upcoming" ? "text-muted" : "text-fg")}
              >
                {step.label}
              </span>
              <span
                className={cn(
                  "text-xs",
                  step.status === "current" ? "font-semibold text-brand" : "text-muted",
                )}
              >
                {statusLabels[step.status]}
              </span>
              {step.detail ? <span className="text-xs text-muted">{step.detail}</span> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
