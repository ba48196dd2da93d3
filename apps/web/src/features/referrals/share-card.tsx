import { useProfile } from "@referral-app/api-client/react";
import { Card } from "@referral-app/ui/card";
import { useTranslation } from "react-i18next";
import { ShareBlock } from "./share-block.tsx";
import { useOffer } from "./use-offer.ts";

/** The offer, my referral code and link, one-tap sharing and the QR code. */
export function ShareCard() {
  const { t } = useTranslation();
  const code = useProfile().data?.referralCode;
  const offer = useOffer();
  return (
    <Card title={t("referrals.share.title")} description={t("referrals.share.description")}>
      <div className="space-y-4">
        <p className="min-h-6 font-medium">
          {offer.amount ? t("offer.headline", { amount: offer.amount }) : null}
        </p>
        <div>
          <p className="text-xs text-muted">{t("referrals.share.code")}</p>
          <p className="h-8 font-mono text-2xl font-semibold tracking-widest" data-testid="referral-code">
            {code}
          </p>
        </div>
        <ShareBlock qrSize={128} />
      </div>
    </Card>
  );
}
