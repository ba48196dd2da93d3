import type { Referral } from "@referral-app/shared/schemas/referral";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { ShareBlock } from "./share-block.tsx";
import { useOffer } from "./use-offer.ts";

/**
 * After a submit: the seed's "Referral submitted successfully!" first, then what happens next for
 * the friend (contact by a date) and for me (the reward), and my link for the next friend.
 */
export function ReferralSuccess({ referral, onAnother }: { referral: Referral; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const offer = useOffer();
  const name = referral.fullName.trim().split(/\s+/)[0] ?? referral.fullName;
  return (
    <div className="space-y-4">
      <FormMessage tone="success">
        <span className="block font-medium">{t("referrals.form.success")}</span>
        <span className="mt-1 block">
          {t("success.next", { name, date: format.day(referral.contactBy) })}
        </span>
        {offer.amount ? (
          <span className="mt-1 block">{t("success.reward", { name, amount: offer.amount })}</span>
        ) : null}
      </FormMessage>
      <div className="space-y-2">
        <p className="text-sm font-medium">{t("success.shareMore")}</p>
        <ShareBlock />
      </div>
      <Button variant="secondary" onClick={onAnother}>
        {t("referrals.form.another")}
      </Button>
    </div>
  );
}
