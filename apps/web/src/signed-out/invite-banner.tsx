import { useTranslation } from "react-i18next";
import { useOffer } from "../features/referrals/use-offer.ts";

/** A share link's visitor sees who invited them and what happens when they sign up. */
export function InviteBanner({ code }: { code: string }) {
  const { t } = useTranslation();
  const offer = useOffer(code);
  // Reserve the banner's height while the offer loads, so the form below does not jump.
  return (
    <aside
      aria-live="polite"
      className="min-h-[5.5rem] rounded-card border border-brand/40 bg-brand-soft p-4"
    >
      {offer.data ? (
        <>
          <p className="font-semibold">
            {offer.data.referrerFirstName
              ? t("invite.byName", { name: offer.data.referrerFirstName })
              : t("invite.anonymous")}
          </p>
          <p className="mt-1 text-sm">{t("invite.what", { days: offer.data.contactBusinessDays })}</p>
        </>
      ) : null}
    </aside>
  );
}
