import { LANGUAGES } from "@referral-app/shared/constants";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { placeholders } from "./format.ts";
import { sharedStrings } from "./resources.ts";

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

const english = new Map(leaves(en));

describe.each(LANGUAGES.filter((language) => language !== "en"))("shared strings in %s", (language) => {
  const translated = new Map(leaves(sharedStrings[language] as Tree));

  it("has every English key and no other", () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("uses the same placeholders as English in every string", () => {
    const mismatched = [...english].filter(
      ([key, text]) =>
        placeholders(text).sort().join() !==
        placeholders(translated.get(key) ?? "")
          .sort()
          .join(),
    );
    expect(mismatched).toEqual([]);
  });

  it("leaves no string empty", () => {
    expect([...translated].filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

describe("plural groups", () => {
  it("give every _one key an _other partner", () => {
    const lonely = [...english.keys()].filter(
      (key) => key.endsWith("_one") && !english.has(key.replace(/_one$/, "_other")),
    );
    expect(lonely).toEqual([]);
  });
});
