import { useProfile } from "@referral-app/api-client/react";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Input } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useToast } from "@referral-app/ui/toast";
import { QRCodeSVG } from "qrcode.react";
import { useTranslation } from "react-i18next";
import { useMonitor } from "../../monitoring/monitor-context.tsx";

export function referralLink(code: string, origin = window.location.origin): string {
  return `${origin}/signup?ref=${encodeURIComponent(code)}`;
}

/** My referral code and link, with a copy button and a QR code to show on a phone. */
export function ShareCard() {
  const { t } = useTranslation();
  const profile = useProfile();
  const { toast } = useToast();
  const monitor = useMonitor();
  const code = profile.data?.referralCode;
  const link = code ? referralLink(code) : "";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      toast({ title: t("referrals.share.copied"), tone: "success" });
      monitor?.trackEvent("referral_link_copied");
    } catch {
      toast({ title: t("referrals.share.copyFailed"), tone: "error" });
    }
  };

  return (
    <Card title={t("referrals.share.title")} description={t("referrals.share.description")}>
      {!code ? (
        <SkeletonList label={t("app.loading")} lines={2} />
      ) : (
        <div className="flex flex-col gap-5">
          <div className="flex-1 space-y-4">
            <div>
              <p className="text-xs text-muted">{t("referrals.share.code")}</p>
              <p className="font-mono text-2xl font-semibold tracking-widest" data-testid="referral-code">
                {code}
              </p>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="referral-link" className="text-xs text-muted">
                {t("referrals.share.link")}
              </label>
              <div className="flex gap-2">
                <Input
                  id="referral-link"
                  className="min-w-0"
                  readOnly
                  value={link}
                  onFocus={(event) => event.target.select()}
                />
                <Button variant="secondary" className="shrink-0 whitespace-nowrap" onClick={copy}>
                  {t("referrals.share.copyLink")}
                </Button>
              </div>
            </div>
          </div>
          <div className="self-center rounded-lg bg-white p-3 sm:self-start">
            <QRCodeSVG
              value={link}
              size={128}
              title={t("referrals.share.qr")}
              role="img"
              aria-label={t("referrals.share.qr")}
            />
          </div>
        </div>
      )}
    </Card>
  );
}
