import { useReferralOffer } from "@referral-app/api-client/react";
import { fromMinorUnits } from "@referral-app/shared/formatting";
import type { Money } from "@referral-app/shared/schemas/common";
import { useTranslation } from "react-i18next";
import { localeFor } from "../../i18n/i18n.ts";

/** "USD 100": the currency's code, not a "$" that could be any of several dollars. */
export function useOfferAmount(): (money: Money) => string {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  return ({ amountMinor, currency }) => {
    const amount = fromMinorUnits(amountMinor, currency);
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      currencyDisplay: "code",
      // Whole amounts without ".00": "USD 100".
      ...(Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    }).format(amount);
  };
}

/** The referral offer with its amount in words, e.g. for "you get USD 100". */
export function useOffer(code?: string) {
  const offer = useReferralOffer(code);
  const amount = useOfferAmount();
  return { ...offer, amount: offer.data ? amount(offer.data.reward) : undefined };
}
