import type { ReferralOffer } from "@referral-app/shared/schemas/referral-offer";
import type { AppContext } from "../../context.ts";
import { getSettings } from "../settings/settings.service.ts";
import { findAccountByReferralCode } from "./referrals.repository.ts";

/**
 * The referral offer in numbers, and for a share link the inviter's first name only: the code is in a
 * public link, so it reveals no more than the person who shared it chose to.
 */
export async function getReferralOffer(ctx: AppContext, code: string | undefined): Promise<ReferralOffer> {
  const [settings, referrer] = await Promise.all([
    getSettings(ctx),
    code ? findAccountByReferralCode(ctx.db, code.toUpperCase()) : Promise.resolve(null),
  ]);
  return {
    reward: ctx.config.referralReward,
    holdingDays: ctx.config.rewardHoldingDays,
    contactBusinessDays: settings.referralContactBusinessDays,
    referrerFirstName: referrer?.name.trim().split(/\s+/)[0] || null,
  };
}
