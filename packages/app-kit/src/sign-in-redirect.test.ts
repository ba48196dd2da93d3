import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./sign-in-redirect.ts";

describe("safeNext", () => {
  it("only follows same-site paths after sign-in", () => {
    expect(safeNext("/referrals?tab=list")).toBe("/referrals?tab=list");
    expect(safeNext("//evil.example")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });

  it("refuses a backslash, which browsers read as a slash (/\\evil.example is //evil.example)", () => {
    expect(safeNext("/\\evil.example")).toBe("/");
  });
});

describe("signInPath", () => {
  it("remembers the page asked for, query included", () => {
    expect(signInPath({ pathname: "/clients/u1", search: "?tab=cases" })).toBe(
      "/sign-in?next=%2Fclients%2Fu1%3Ftab%3Dcases",
    );
  });

  it("has nothing to remember for the home page", () => {
    expect(signInPath({ pathname: "/", search: "" })).toBe("/sign-in");
  });
});
