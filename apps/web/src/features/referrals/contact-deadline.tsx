import type { Referral } from "@referral-app/shared/schemas/referral";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";

/** For a pending referral: when we will contact the friend, or that it is taking longer than usual. */
export function ContactDeadline({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (referral.status !== "pending") return null;
  if (referral.contactOverdue)
    return (
      <span className="text-xs font-medium text-amber-800 dark:text-amber-200">
        {t("referrals.list.contactOverdue")}
      </span>
    );
  if (!referral.contactBy) return null;
  const name = referral.fullName.split(" ")[0] ?? referral.fullName;
  return (
    <span className="text-xs text-muted">
      {t("referrals.list.contactBy", { name, date: format.day(referral.contactBy) })}
    </span>
  );
}
