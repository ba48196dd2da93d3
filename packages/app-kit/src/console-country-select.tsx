import { interpolate } from "@referral-app/i18n/format";
import { CountrySelect, type CountrySelectProps } from "@referral-app/ui/country-select";
import { consoleLanguage } from "./console-language.ts";
import { useConsole } from "./console-providers.tsx";

/** A country picker in the console's language and words (ISO codes submitted, names shown). */
export function ConsoleCountrySelect(
  props: Omit<CountrySelectProps, "language" | "placeholder" | "unknownLabel">,
) {
  const { strings } = useConsole();
  return (
    <CountrySelect
      language={consoleLanguage()}
      placeholder={strings.country.choose}
      unknownLabel={(code) => interpolate(strings.country.unknown, { code })}
      {...props}
    />
  );
}

/** The same words for a form that takes the picker's props (the shared referral form). */
export function useConsoleCountryLabels(): Pick<
  CountrySelectProps,
  "language" | "placeholder" | "unknownLabel"
> {
  const { strings } = useConsole();
  return {
    language: consoleLanguage(),
    placeholder: strings.country.choose,
    unknownLabel: (code) => interpolate(strings.country.unknown, { code }),
  };
}
