import { useSession } from "@referral-app/api-client/react";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { useToast } from "@referral-app/ui/toast";
import { useTranslation } from "react-i18next";
import { useMonitor } from "../../monitoring/monitor-context.tsx";

/** The invitation text: short enough for an SMS, the link last so apps make it tappable. */
function useShareText(link: string) {
  const { t } = useTranslation();
  const name = useSession().data?.user.name.trim().split(/\s+/)[0] ?? "";
  return {
    subject: t("share.subject", { name }),
    text: `${name ? t("share.message") : t("share.messageAnonymous")} ${link}`,
  };
}

/**
 * One-tap sharing of a referral link: the device's share sheet where the Web Share API exists,
 * WhatsApp, e-mail and SMS links everywhere, and copy.
 */
export function ShareActions({ link }: { link: string }) {
  const { t } = useTranslation();
  const { toast } = useToast();
  const monitor = useMonitor();
  const { subject, text } = useShareText(link);
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";
  const linkClass = buttonClasses({ variant: "secondary", size: "sm" });
  const track = (channel: string) => monitor?.trackEvent("referral_link_shared", { channel });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      toast({ title: t("share.copied"), tone: "success" });
      track("copy");
    } catch {
      toast({ title: t("share.copyFailed"), tone: "error" });
    }
  };
  const share = async () => {
    try {
      await navigator.share({ title: subject, text, url: link });
      track("native");
    } catch {
      // Dismissing the share sheet is not an error worth telling the user about.
    }
  };

  return (
    <ul aria-label={t("share.label")} className="flex flex-wrap gap-2">
      {canShare ? (
        <li>
          <Button size="sm" onClick={() => void share()}>
            {t("share.native")}
          </Button>
        </li>
      ) : null}
      <li>
        <a
          className={linkClass}
          href={`https://wa.me/?text=${encodeURIComponent(text)}`}
          target="_blank"
          rel="noopener noreferrer"
          onClick={() => track("whatsapp")}
        >
          {t("share.whatsapp")}
        </a>
      </li>
      <li>
        <a
          className={linkClass}
          href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`}
          onClick={() => track("email")}
        >
          {t("share.email")}
        </a>
      </li>
      <li>
        <a className={linkClass} href={`sms:?&body=${encodeURIComponent(text)}`} onClick={() => track("sms")}>
          {t("share.sms")}
        </a>
      </li>
      <li>
        <Button size="sm" variant="secondary" onClick={() => void copy()}>
          {t("share.copy")}
        </Button>
      </li>
    </ul>
  );
}
