import { informalStrings, translationProblems } from "@referral-app/i18n/register";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { es } from "./es.ts";

describe("the Spanish words", () => {
  it("cover every English key with the same placeholders", () => {
    expect(translationProblems(en, es)).toEqual([]);
  });

  it("address the reader as usted", () => {
    expect(informalStrings(es)).toEqual([]);
  });
});
