import { validationKey } from "@referral-app/i18n/validation";
import { useTranslation } from "react-i18next";

/** Translates a field error from the shared schemas; unknown messages pass through unchanged. */
export function useValidationMessage() {
  const { t } = useTranslation();
  return (message: string | undefined): string | undefined => {
    if (!message) return undefined;
    const key = validationKey(message);
    return key ? t(`validation.${key}`) : message;
  };
}
