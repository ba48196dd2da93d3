import { THEMES, type Theme } from "@referral-app/shared/constants";
import { useId } from "react";
import { Select } from "./form.tsx";
import { useTheme } from "./theme.tsx";

export interface ThemeSelectStrings {
  /** The select's (visually hidden) label. */
  theme: string;
  themes: Record<Theme, string>;
}

/** Light / dark / system, bound to the surrounding ThemeProvider. */
export function ThemeSelect({ strings }: { strings: ThemeSelectStrings }) {
  const { theme, setTheme } = useTheme();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {strings.theme}
      </label>
      <Select
        id={id}
        value={theme}
        className="h-9 w-auto"
        onChange={(event) => setTheme(event.target.value as Theme)}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {strings.themes[value]}
          </option>
        ))}
      </Select>
    </div>
  );
}
