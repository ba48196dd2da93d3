import { informalStrings, translationProblems } from "@referral-app/i18n/register";
import { en } from "./en";
import { es } from "./es";

describe("the Spanish words", () => {
  it("cover every English key with the same placeholders", () => {
    expect(translationProblems(en, es)).toEqual([]);
  });

  it("address the reader as usted", () => {
    expect(informalStrings(es)).toEqual([]);
  });
});
