import { LANGUAGES } from "@referral-app/shared/constants";
import { Select } from "@referral-app/ui/form";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../i18n/language.ts";
import { useSavePreference } from "./use-save-preference.ts";

export function LanguageSelect({ showLabel = false }: { showLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const save = useSavePreference();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={showLabel ? "text-sm font-medium" : "sr-only"}>
        {t("language.label")}
      </label>
      <Select
        id={id}
        value={i18n.resolvedLanguage ?? i18n.language}
        className="h-9 w-auto"
        onChange={(event) => {
          const next = event.target.value;
          if (!isLanguage(next)) return;
          void i18n.changeLanguage(next);
          save({ language: next });
        }}
      >
        {LANGUAGES.map((value) => (
          // Each language is named in itself, so it is findable whatever language is on screen.
          <option key={value} value={value} lang={value}>
            {t(`language.${value}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
