import { cn } from "./cn.ts";

/** A placeholder block; decorative, so screen readers skip it. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      data-testid="skeleton"
      className={cn("animate-pulse rounded-md bg-subtle", className)}
    />
  );
}

/**
 * A line of text still loading, inside the element the text will fill: it takes that line's own
 * height, so the text replaces it without moving anything.
 */
export function SkeletonText({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      data-testid="skeleton"
      className={cn("inline-block max-w-full animate-pulse rounded-md bg-subtle align-middle", className)}
    >
      {"\u00a0"}
    </span>
  );
}

export interface SkeletonListProps {
  /** Spoken while loading, e.g. "Loading referrals". */
  label: string;
  lines?: number;
  className?: string;
}

/** Lines of placeholders with a polite loading announcement. */
export function SkeletonList({ label, lines = 3, className }: SkeletonListProps) {
  return (
    <div role="status" aria-live="polite" className={cn("space-y-3", className)}>
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholders with a fixed order
        <Skeleton key={index} className={cn("h-4", index % 2 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}
