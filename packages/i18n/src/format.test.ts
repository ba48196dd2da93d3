import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { interpolate, placeholders, plural, pluralKey } from "./format.ts";

describe("interpolate", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(interpolate("{{a}} and {{ b }} and {{c}}", { a: 1, b: "two" })).toBe("1 and two and {{c}}");
  });
});

describe("placeholders", () => {
  it("lists each name once", () => {
    expect(placeholders("{{count}} of {{total}}, {{count}}")).toEqual(["count", "total"]);
  });
});

describe("plural", () => {
  it("says 1 entry and 2 entries, never 1 entries", () => {
    expect(pluralKey("en", en.counts, "entries", 1)).toBe("1 entry");
    expect(pluralKey("en", en.counts, "entries", 2)).toBe("2 entries");
    expect(pluralKey("en", en.counts, "entries", 0)).toBe("0 entries");
  });

  it("uses Spanish rules and number formatting, with many falling back to other", () => {
    expect(pluralKey("es", es.counts, "rows", 1)).toBe("1 fila");
    expect(pluralKey("es", es.counts, "rows", 3)).toBe("3 filas");
    expect(pluralKey("es", es.counts, "rows", 1_000_000)).toBe("1.000.000 filas");
  });

  it("fills other values next to the count", () => {
    expect(
      plural("en", 2, { one: "{{count}} of {{who}}", other: "{{count}} of {{who}}s" }, { who: "x" }),
    ).toBe("2 of xs");
  });

  it("refuses a group without the name", () => {
    expect(() => pluralKey("en", en.counts, "nothing", 1)).toThrow(/nothing/);
  });
});

describe("validationKey", () => {
  it("maps the shared schemas' messages, and zod's own, to validation keys", async () => {
    const { validationKey } = await import("./validation.ts");
    expect(validationKey("Enter a valid email address")).toBe("email");
    expect(validationKey("Invalid input: expected string, received undefined")).toBe("required");
    expect(validationKey("Too big: expected string to have <=120 characters")).toBe("tooLong");
    expect(validationKey("Something else")).toBeUndefined();
  });
});
