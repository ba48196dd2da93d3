import type { Referral } from "@referral-app/shared/schemas/referral";
import { useTranslation } from "react-i18next";
import { AppText } from "./app-text";

/** "Mei signed up", "Mei is at Assessment", "Mei's visa was granted": as much as the friend shares. */
export function FriendProgressText({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const name = referral.fullName.split(" ")[0] ?? referral.fullName;
  const friend = referral.friend;
  const review = referral.review?.state === "open" ? t("privacy.underReview") : null;
  const progress = friend?.outcome
    ? t(`privacy.friendOutcome.${friend.outcome}`, { name })
    : friend?.stage
      ? t("privacy.friendStage", { name, stage: t(`privacy.stages.${friend.stage}`) })
      : friend?.signedUp
        ? t("privacy.friendSignedUp", { name })
        : null;
  if (!progress && !review) return null;
  return <AppText variant="small">{[progress, review].filter(Boolean).join(" · ")}</AppText>;
}
