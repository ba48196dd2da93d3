import { describe, expect, it } from "vitest";
import { linkify } from "./linkify.ts";

describe("linkify", () => {
  it("finds http(s) and www links and leaves the rest as text", () => {
    expect(linkify("See https://example.com/a?b=1, or www.gov.uk.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ", or " },
      { kind: "link", text: "www.gov.uk", href: "https://www.gov.uk" },
      { kind: "text", text: "." },
    ]);
  });
  it("never makes markup or other schemes into links", () => {
    expect(linkify('<a href="javascript:alert(1)">x</a>')).toEqual([
      { kind: "text", text: '<a href="javascript:alert(1)">x</a>' },
    ]);
  });
});
