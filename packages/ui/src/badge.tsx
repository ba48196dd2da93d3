import type { ReferralStatus } from "@referral-app/shared/constants";
import type { HTMLAttributes } from "react";
import { cn } from "./cn.ts";

export type BadgeTone = "neutral" | "info" | "warning" | "accent" | "success" | "danger";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-subtle text-fg ring-border",
  info: "bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  warning:
    "bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  accent:
    "bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-200 dark:ring-violet-800",
  success:
    "bg-emerald-100 text-emerald-900 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  danger: "bg-rose-100 text-rose-900 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      data-tone={tone}
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}

/** One colour per referral status, always with the status in words. */
export const REFERRAL_STATUS_TONES: Record<ReferralStatus, BadgeTone> = {
  pending: "warning",
  contacted: "info",
  qualified: "accent",
  converted: "success",
  rejected: "danger",
};

export interface StatusBadgeProps extends Omit<BadgeProps, "tone" | "children"> {
  status: ReferralStatus;
  /** The translated status; defaults to the wire value. */
  label?: string;
}

export function StatusBadge({ status, label, ...props }: StatusBadgeProps) {
  return (
    <Badge tone={REFERRAL_STATUS_TONES[status]} data-status={status} {...props}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current" />
      {label ?? status}
    </Badge>
  );
}
