import type { Referral } from "@referral-app/shared/schemas/referral";
import { useTranslation } from "react-i18next";

/** "Mei signed up", "Mei is at Assessment", "Mei's visa was granted": as much as the friend shares. */
export function FriendProgress({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const friend = referral.friend;
  const name = referral.fullName.split(" ")[0] ?? referral.fullName;
  const review = referral.review;
  return (
    <>
      {friend?.outcome ? (
        <span className="text-xs" data-testid="friend-progress">
          {t(`referrals.friend.outcome.${friend.outcome}`, { name })}
        </span>
      ) : friend?.stage ? (
        <span className="text-xs" data-testid="friend-progress">
          {t("referrals.friend.stage", { name, stage: t(`visa.stages.${friend.stage}`) })}
        </span>
      ) : friend?.signedUp ? (
        <span className="text-xs" data-testid="friend-progress">
          {t("referrals.friend.signedUp", { name })}
        </span>
      ) : null}
      {review && review.state !== "valid" ? (
        <span className="text-xs font-medium text-amber-800 dark:text-amber-200">
          {review.state === "open"
            ? t(
                `referrals.review.${review.reason === "already_referred" || review.reason === "partner_client_conflict" ? "alreadyReferred" : "open"}`,
              )
            : t("referrals.review.invalid", { reason: review.resolutionReason ?? "" })}
        </span>
      ) : null}
    </>
  );
}
