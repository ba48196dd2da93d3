import { useProfile } from "@referral-app/api-client/react";
import { Input } from "@referral-app/ui/form";
import { Skeleton } from "@referral-app/ui/skeleton";
import { QRCodeSVG } from "qrcode.react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ShareActions } from "./share-actions.tsx";

export function referralLink(code: string, origin = window.location.origin): string {
  return `${origin}/signup?ref=${encodeURIComponent(code)}`;
}

/**
 * The QR code, drawn once it comes near the screen: building it takes a phone's main thread ~100 ms,
 * and on the dashboard it sits below the first screen. Its box keeps the size, so nothing moves.
 */
function QrCode({ value, size, label }: { value: string; size: number; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={box} style={{ width: size, height: size }}>
      {near ? <QRCodeSVG value={value} size={size} title={label} role="img" aria-label={label} /> : null}
    </div>
  );
}

/** My referral link (select to copy), one-tap sharing and a QR code to show on a phone. */
export function ShareBlock({ qrSize = 112 }: { qrSize?: number }) {
  const { t } = useTranslation();
  const code = useProfile().data?.referralCode;
  const inputId = useId();
  // The placeholders take the final size, so nothing moves when the code arrives.
  if (!code) {
    return (
      <div className="flex flex-col gap-4 sm:flex-row" aria-hidden="true">
        <div className="flex-1 space-y-3">
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-8 w-3/4" />
        </div>
        <Skeleton className="size-[136px] self-center" />
      </div>
    );
  }
  const link = referralLink(code);
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <div className="min-w-0 flex-1 space-y-3">
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="text-xs text-muted">
            {t("share.linkLabel")}
          </label>
          <Input id={inputId} readOnly value={link} onFocus={(event) => event.target.select()} />
        </div>
        <ShareActions link={link} />
      </div>
      <div className="self-center rounded-lg bg-white p-3 sm:self-start">
        <QrCode value={link} size={qrSize} label={t("share.qr")} />
      </div>
    </div>
  );
}
