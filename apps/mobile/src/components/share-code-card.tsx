import { useTranslation } from "react-i18next";
import { referralShareUrl } from "../links/referral-link";
import { shareText } from "../links/share-text";
import { AppText } from "./app-text";
import { Button } from "./button";
import { Card } from "./card";

export function ShareCodeCard({ code, webHost }: { code: string; webHost: string }) {
  const { t } = useTranslation();
  const url = referralShareUrl(code, webHost);
  return (
    <Card title={t("referrals.shareTitle")}>
      <AppText selectable>{t("referrals.shareCode", { code })}</AppText>
      <Button
        variant="secondary"
        label={t("referrals.share")}
        onPress={() => void shareText(t("referrals.shareMessage", { code, url }), url)}
      />
    </Card>
  );
}
