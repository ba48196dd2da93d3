import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, fieldErrorsFrom, httpStatusFor, isErrorCode } from "./errors.ts";

describe("error codes", () => {
  it("map each code to its HTTP status from one table", () => {
    expect(httpStatusFor("VALIDATION_ERROR")).toBe(400);
    expect(httpStatusFor("UNAUTHORIZED")).toBe(401);
    expect(httpStatusFor("NOT_FOUND")).toBe(404);
    expect(httpStatusFor("REFERRAL_DUPLICATE")).toBe(409);
    expect(httpStatusFor("RATE_LIMITED")).toBe(429);
    expect(httpStatusFor("INTERNAL_ERROR")).toBe(500);
    expect(httpStatusFor("NETWORK_ERROR")).toBe(0);
  });

  it("use only real HTTP error statuses, apart from the client-side NETWORK_ERROR", () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      if (code === "NETWORK_ERROR") continue;
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
  });

  it("recognise codes and nothing else", () => {
    expect(isErrorCode("NOT_FOUND")).toBe(true);
    expect(isErrorCode("not_found")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(404)).toBe(false);
    expect(isErrorCode(undefined)).toBe(false);
  });
});

describe("fieldErrorsFrom", () => {
  it("groups messages by dotted path, with _ for the root", () => {
    const schema = z.object({
      name: z.string().min(2, "Too short"),
      preferences: z.object({ theme: z.enum(["light", "dark"], "Pick a theme") }),
    });
    const result = schema.safeParse({ name: "a", preferences: { theme: "blue" } });
    expect(fieldErrorsFrom(result.error as z.ZodError)).toEqual({
      name: ["Too short"],
      "preferences.theme": ["Pick a theme"],
    });
    const root = z.string().safeParse(1);
    expect(Object.keys(fieldErrorsFrom(root.error as z.ZodError))).toEqual(["_"]);
  });

  it("keeps every message of a field", () => {
    const schema = z.object({ code: z.string().min(3, "Too short").regex(/^\d+$/, "Digits only") });
    expect(fieldErrorsFrom(schema.safeParse({ code: "a" }).error as z.ZodError)).toEqual({
      code: ["Too short", "Digits only"],
    });
  });
});
