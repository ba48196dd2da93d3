import { THEMES, type Theme } from "@referral-app/shared/constants";
import { Select } from "@referral-app/ui/form";
import { useTheme } from "@referral-app/ui/theme";
import { useId } from "react";
import { strings } from "../strings.ts";

export function ThemeSelect() {
  const { theme, setTheme } = useTheme();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {strings.common.theme}
      </label>
      <Select
        id={id}
        value={theme}
        className="h-9 w-auto"
        onChange={(event) => setTheme(event.target.value as Theme)}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {strings.common.themes[value]}
          </option>
        ))}
      </Select>
    </div>
  );
}
