import { cn } from "./cn.ts";

/** Past this many characters the text is clamped and can take focus to show itself whole. */
const LONG = 48;

export interface TruncatedTextProps {
  text: string;
  /** Lines shown before clamping (1 or 2). */
  lines?: 1 | 2;
  className?: string;
}

/**
 * Long user data (names, e-mails) clamped to one or two lines; the full text shows on hover (title)
 * and on hover or keyboard focus (the clamp lifts), and is always read out whole by screen readers.
 */
export function TruncatedText({ text, lines = 2, className }: TruncatedTextProps) {
  const long = text.length > LONG;
  return (
    <span
      title={long ? text : undefined}
      // Keyboard users reach the full text the way a pointer's hover does.
      tabIndex={long ? 0 : undefined}
      className={cn(
        "block max-w-full [overflow-wrap:anywhere]",
        long && (lines === 1 ? "line-clamp-1" : "line-clamp-2"),
        long &&
          "rounded-sm hover:line-clamp-none focus-visible:line-clamp-none focus-visible:outline-2 focus-visible:outline-ring",
        className,
      )}
    >
      {text}
    </span>
  );
}
