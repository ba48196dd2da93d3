import { describe, expect, it } from "vitest";
import {
  countrySchema,
  currencySchema,
  emailSchema,
  nameSchema,
  PASSWORD_MAX_LENGTH,
  passwordSchema,
  phoneSchema,
  validateEmail,
  validatePassword,
  validatePhone,
} from "./validation.ts";

describe("validatePhone", () => {
  it.each([
    "+61 (02) 9999-1234",
    "+61 400 123 456",
    "0400123456",
    "(02) 9999 1234",
    "+1.555.123.4567",
    "1234567",
    "+123456789012345",
  ])("accepts %s", (phone) => {
    expect(validatePhone(phone)).toBe(true);
  });

  it.each([
    ["too few digits", "123"],
    ["letters", "abc1234567"],
    ["a doubled plus", "++61 400 123 456"],
    ["a plus in the middle", "61+400123456"],
    ["an unclosed bracket", "+61 (02 9999 1234"],
    ["a bracket closed before it opens", "+61 )02( 9999 1234"],
    ["nested brackets", "+61 ((02)) 9999 1234"],
    ["more than 15 digits", "+1234567890123456"],
    ["only separators", "-- -- --"],
    ["empty", ""],
    // The seed's `[\d\s-()]` made `\s-(` a range that let through characters such as "!", "&" and "'".
    ["characters the seed's range let through", "+61 400 123 456!"],
    ["an ampersand", "0400&123&456"],
  ])("rejects %s", (_, phone) => {
    expect(validatePhone(phone)).toBe(false);
  });
});

describe("validateEmail", () => {
  it.each(["a@b.co", "first.last+tag@sub.example.com", "x_y@example.com.au"])("accepts %s", (email) => {
    expect(validateEmail(email)).toBe(true);
  });

  it.each([
    ["no @", "example.com"],
    ["no domain dot", "a@localhost"],
    ["two @", "a@b@c.com"],
    ["a space", "a b@c.com"],
    ["an empty label", "a@b..com"],
    ["a leading dot in the domain", "a@.b.com"],
    ["too long", `${"a".repeat(250)}@b.co`],
    ["empty", ""],
  ])("rejects %s", (_, email) => {
    expect(validateEmail(email)).toBe(false);
  });
});

describe("validatePassword", () => {
  it("needs 8 to 128 characters", () => {
    expect(validatePassword("1234567")).toBe(false);
    expect(validatePassword("12345678")).toBe(true);
    expect(validatePassword("x".repeat(PASSWORD_MAX_LENGTH))).toBe(true);
    expect(validatePassword("x".repeat(PASSWORD_MAX_LENGTH + 1))).toBe(false);
  });

  it("refuses leading or trailing spaces but allows inner ones", () => {
    expect(validatePassword(" secret-words")).toBe(false);
    expect(validatePassword("secret-words ")).toBe(false);
    expect(validatePassword("correct horse battery")).toBe(true);
  });
});

describe("field schemas", () => {
  it("trims and lower-cases emails", () => {
    expect(emailSchema.parse("  Ana.Lima@Example.COM ")).toBe("ana.lima@example.com");
    expect(emailSchema.safeParse("nope").error?.issues[0]?.message).toBe("Enter a valid email address");
  });

  it("trims phones and explains a bad one", () => {
    expect(phoneSchema.parse(" +61 400 123 456 ")).toBe("+61 400 123 456");
    expect(phoneSchema.safeParse("123").error?.issues[0]?.message).toMatch(/valid phone number/);
  });

  it("checks passwords, countries, currencies and names", () => {
    expect(passwordSchema.safeParse("short").success).toBe(false);
    expect(countrySchema.parse(" au ")).toBe("AU");
    expect(countrySchema.safeParse("AUS").success).toBe(false);
    expect(currencySchema.safeParse("USD").success).toBe(true);
    expect(currencySchema.safeParse("usd").success).toBe(false);
    expect(nameSchema.parse("  Ana  ")).toBe("Ana");
    expect(nameSchema.safeParse("   ").success).toBe(false);
    expect(nameSchema.safeParse("x".repeat(121)).success).toBe(false);
  });
});
