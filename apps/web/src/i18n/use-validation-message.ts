import { PASSWORD_PROBLEMS } from "@referral-app/shared/validation";
import { useTranslation } from "react-i18next";
import type { en } from "./locales/en.ts";

type ValidationKey = keyof typeof en.validation;

// The shared zod schemas speak English; their messages map to translated keys here.
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

/** Translates a field error from the shared schemas; unknown messages pass through unchanged. */
export function useValidationMessage() {
  const { t } = useTranslation();
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    const key = KEYS_BY_MESSAGE[message];
    if (key) return t(`validation.${key}`);
    if (/too big|at most/i.test(message)) return t("validation.tooLong");
    if (/url/i.test(message)) return t("validation.url");
    return message;
  };
}
