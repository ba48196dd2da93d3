import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from "./countries.ts";

describe("countries", () => {
  it("names a country in the viewer's language", () => {
    expect(countryName("IE", "en")).toBe("Ireland");
    expect(countryName("IE", "es")).toBe("Irlanda");
    expect(countryName("de", "es")).toBe("Alemania");
  });

  it("gives null for a missing or unknown code", () => {
    expect(countryName(null, "en")).toBeNull();
    expect(countryName("XX", "en")).toBeNull();
    expect(isCountryCode("Australia")).toBe(false);
  });

  it("lists every ISO code once, sorted by name in the language", () => {
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    expect(COUNTRY_CODES.length).toBe(249);
    const names = countryOptions("es").map((option) => option.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("es-ES").compare));
    expect(countryOptions("es").find((option) => option.code === "ES")?.name).toBe("España");
  });
});
