import { z } from "zod";

// The seed's validators, made correct: a real email shape, a phone pattern whose "-" is literal
// (the seed's `[\d\s-()]` was a character range), and a password policy stated once.

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// Optional leading +, then digits with single spaces, dashes, dots or a bracketed group.
const PHONE_PATTERN = /^\+?[\d\s().-]+$/;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function validateEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_PATTERN.test(email);
}

export function validatePhone(phone: string): boolean {
  if (!PHONE_PATTERN.test(phone)) return false;
  if (phone.indexOf("+") > 0) return false;
  const digits = phone.replace(/\D/g, "");
  // E.164 allows at most 15 digits; fewer than 7 is not a reachable number.
  if (digits.length < 7 || digits.length > 15) return false;
  return balancedBrackets(phone);
}

function balancedBrackets(value: string): boolean {
  let depth = 0;
  for (const char of value) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

export function validatePassword(password: string): boolean {
  return (
    password.length >= PASSWORD_MIN_LENGTH &&
    password.length <= PASSWORD_MAX_LENGTH &&
    password.trim().length === password.length
  );
}

/** Why a password is refused beyond its length, in words (the forms and the API say the same). */
export const PASSWORD_PROBLEMS = {
  common: "This is one of the most common passwords, so it is easy to guess: choose another",
  containsEmail: "Your password must not contain your email address",
  repetitive: "Use more than two different characters",
} as const;

/** The email's local part (from 3 characters: shorter ones would rule out too much) in the password. */
export function passwordContainsEmail(password: string, email: string): boolean {
  const local = email.split("@")[0]?.split("+")[0]?.toLowerCase() ?? "";
  return local.length >= 3 && password.toLowerCase().includes(local);
}

/** The password rules that need no word list; the server also refuses the most common passwords. */
export function passwordRuleProblem(password: string, email?: string): string | null {
  if (new Set(password).size < 3) return PASSWORD_PROBLEMS.repetitive;
  if (email && passwordContainsEmail(password, email)) return PASSWORD_PROBLEMS.containsEmail;
  return null;
}

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine(validateEmail, { message: "Enter a valid email address" });

export const phoneSchema = z
  .string()
  .trim()
  .refine(validatePhone, { message: "Enter a valid phone number, e.g. +61 400 123 456" });

export const passwordSchema = z
  .string()
  .refine(validatePassword, {
    message: `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, without leading or trailing spaces`,
  })
  .refine((password) => new Set(password).size >= 3, { message: PASSWORD_PROBLEMS.repetitive });

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: "Use a two-letter country code, e.g. AU" });

/** ISO 4217 currency code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, { message: "Use a three-letter currency code" });

export const nameSchema = z.string().trim().min(1, { message: "Enter a name" }).max(120);
