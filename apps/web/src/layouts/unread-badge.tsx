import { useTranslation } from "react-i18next";

/** An unread count on a nav link: "9+" past nine, the exact count (or `label`) for screen readers. */
export function UnreadBadge({
  count,
  testId = "unread-badge",
  label,
}: {
  count: number;
  testId?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <span
      data-testid={testId}
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-fg"
    >
      <span aria-hidden="true">{count > 9 ? "9+" : count}</span>
      <span className="sr-only">{label ?? t("nav.unread", { count })}</span>
    </span>
  );
}
