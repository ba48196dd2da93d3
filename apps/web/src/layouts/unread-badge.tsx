import { useTranslation } from "react-i18next";

/** The unread count on the Notifications link: "9+" past nine, the exact count for screen readers. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <span
      data-testid="unread-badge"
      className="inline-flex min-w-5 items-center justify-center rounded-full bg-danger px-1.5 text-xs font-semibold text-danger-fg"
    >
      <span aria-hidden="true">{count > 9 ? "9+" : count}</span>
      <span className="sr-only">{t("nav.unread", { count })}</span>
    </span>
  );
}
