import { messageStrings } from "../features/messages/message-strings.ts";

/** The Messages nav link's unread count: "9+" past nine, the exact count for screen readers. */
export function UnreadBadge({ count }: { count: number }) {
  return (
    <span
      data-testid="messages-badge"
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-fg"
    >
      <span aria-hidden="true">{count > 9 ? "9+" : count}</span>
      <span className="sr-only">{messageStrings.unreadNav(count)}</span>
    </span>
  );
}
