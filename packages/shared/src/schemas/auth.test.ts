import { describe, expect, it } from "vitest";
import {
  authResultSchema,
  forgotPasswordSchema,
  referralCodeSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./auth.ts";
import { authSessionSchema } from "./session.ts";

describe("signUpSchema", () => {
  const valid = { name: "Ana Lima", email: "Ana@Example.com", password: "long-enough-1" };

  it("accepts a sign-up, normalising email, country and referral code", () => {
    expect(
      signUpSchema.parse({ ...valid, phone: "+61 400 123 456", country: "au", referralCode: " abc123 " }),
    ).toEqual({
      ...valid,
      email: "ana@example.com",
      phone: "+61 400 123 456",
      country: "AU",
      referralCode: "ABC123",
    });
  });

  it.each([
    ["a short password", { password: "short" }],
    ["a bad email", { email: "ana" }],
    ["a bad referral code", { referralCode: "AB-12" }],
    ["an unknown key", { role: "admin" }],
  ])("rejects %s", (_, change) => {
    expect(signUpSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe("other auth bodies", () => {
  it("sign-in needs an email and a non-empty password", () => {
    expect(signInSchema.parse({ email: "A@B.co", password: "x" })).toEqual({
      email: "a@b.co",
      password: "x",
    });
    expect(signInSchema.safeParse({ email: "a@b.co", password: "" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x", extra: 1 }).success).toBe(false);
  });

  it("password reset bodies", () => {
    expect(forgotPasswordSchema.safeParse({ email: "a@b.co", redirectTo: "/reset" }).success).toBe(true);
    expect(forgotPasswordSchema.safeParse({ email: "nope" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token: "t", newPassword: "long-enough-1" }).success).toBe(true);
    expect(resetPasswordSchema.safeParse({ token: "", newPassword: "long-enough-1" }).success).toBe(false);
    expect(resetPasswordSchema.safeParse({ token: "t", newPassword: "short" }).success).toBe(false);
  });

  it("referral codes are 6 to 12 letters and digits", () => {
    expect(referralCodeSchema.parse("abc123")).toBe("ABC123");
    expect(referralCodeSchema.safeParse("ABC12").success).toBe(false);
    expect(referralCodeSchema.safeParse("A".repeat(13)).success).toBe(false);
  });
});

describe("auth answers", () => {
  it("a sign-in result keeps extra user fields and allows a null token", () => {
    const result = { token: null, user: { id: "u1", email: "a@b.co", name: "A", role: "client" } };
    expect(authResultSchema.parse(result)).toEqual(result);
    expect(authResultSchema.safeParse({ token: "t", user: { id: "u1" } }).success).toBe(false);
  });

  it("a session is the session and user, or null", () => {
    const session = {
      session: { id: "s1", userId: "u1", expiresAt: "2026-04-01T00:00:00.000Z", token: "t" },
      user: { id: "u1", email: "a@b.co", name: "A", role: "client", emailVerified: true },
    };
    expect(authSessionSchema.parse(session)).toEqual(session);
    expect(authSessionSchema.parse(null)).toBeNull();
    expect(authSessionSchema.safeParse({ session: { id: "s1" }, user: session.user }).success).toBe(false);
  });
});
