import { PASSWORD_PROBLEMS } from "@referral-app/shared/validation";
import type { SharedStrings } from "./en.ts";

export type ValidationKey = keyof SharedStrings["validation"];

// The shared zod schemas speak English; each message maps to its key in the `validation` group here,
// once for every app (the web forms, the partner import).
const KEYS_BY_MESSAGE: Record<string, ValidationKey> = {
  "Enter a valid email address": "email",
  "Enter a name": "name",
  "Enter your password": "passwordRequired",
  "Use 8 to 128 characters, without leading or trailing spaces": "password",
  "Enter a valid phone number, e.g. +61 400 123 456": "phone",
  "Use a two-letter country code, e.g. AU": "country",
  "Referral codes are 6 to 12 letters and digits": "referralCode",
  [PASSWORD_PROBLEMS.common]: "passwordCommon",
  [PASSWORD_PROBLEMS.containsEmail]: "passwordContainsEmail",
  [PASSWORD_PROBLEMS.repetitive]: "passwordRepetitive",
};

/** The `validation` key for a shared schema's message; undefined for a message it does not know. */
export function validationKey(message: string): ValidationKey | undefined {
  const key = KEYS_BY_MESSAGE[message];
  if (key) return key;
  if (/received undefined|required/i.test(message)) return "required";
  if (/too big|at most|too long/i.test(message)) return "tooLong";
  if (/url/i.test(message)) return "url";
  return undefined;
}
