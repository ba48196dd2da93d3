import { THEMES, type Theme } from "@referral-app/shared/constants";
import { Select } from "@referral-app/ui/form";
import { useTheme } from "@referral-app/ui/theme";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSavePreference } from "./use-save-preference.ts";

export function ThemeSelect({ showLabel = false }: { showLabel?: boolean }) {
  const { t } = useTranslation();
  const { theme, setTheme } = useTheme();
  const save = useSavePreference();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className={showLabel ? "text-sm font-medium" : "sr-only"}>
        {t("theme.label")}
      </label>
      <Select
        id={id}
        value={theme}
        className="h-9 w-auto"
        onChange={(event) => {
          const next = event.target.value as Theme;
          setTheme(next);
          save({ theme: next });
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}
