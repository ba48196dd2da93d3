import type { ReferralReward } from "@referral-app/shared/schemas/referral";
import { createI18n, localeFor } from "../i18n/i18n";
import { rewardStatusWords } from "./reward-words";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const reward = (status: ReferralReward["status"], availableAt = "2026-11-01T12:00:00Z"): ReferralReward => ({
  amountMinor: 10_000,
  currency: "USD",
  status,
  availableAt,
  updatedAt: "2026-11-20T12:00:00Z",
});

function words(language: "en" | "es", value: ReferralReward): string {
  const i18n = createI18n(language);
  return rewardStatusWords(value, i18n.t, localeFor(language), NOW);
}

describe("rewardStatusWords", () => {
  it("says held until the date while the holding period runs, then pending", () => {
    expect(words("en", reward("pending", "2026-12-15T12:00:00Z"))).toBe("Held until December 15, 2026");
    expect(words("en", reward("pending"))).toBe("Pending");
  });

  it("names approved, paid with its date, credited and reversed", () => {
    expect(words("en", reward("approved"))).toBe("Approved");
    expect(words("en", reward("paid"))).toBe("Paid on November 20, 2026");
    expect(words("en", reward("credited"))).toBe("Credited");
    expect(words("en", reward("reversed"))).toBe("Reversed");
  });

  it("says the same in Spanish", () => {
    expect(words("es", reward("pending", "2026-12-15T12:00:00Z"))).toBe(
      "Retenida hasta el 15 de diciembre de 2026",
    );
    expect(words("es", reward("paid"))).toBe("Pagada el 20 de noviembre de 2026");
    expect(words("es", reward("credited"))).toBe("Aplicada como crédito");
  });
});
