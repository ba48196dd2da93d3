import { countryOptions, isCountryCode } from "@referral-app/i18n/countries";
import { useMemo } from "react";
import { Select, type SelectProps } from "./form.tsx";

export interface CountrySelectProps extends Omit<SelectProps, "children"> {
  /** The viewer's language: names and their order follow it. */
  language: string;
  /** The empty first option ("Choose a country"), which also clears the field. */
  placeholder: string;
  /** The words for a stored code that is not in the ISO list, so it is never silently replaced. */
  unknownLabel: (code: string) => string;
}

/**
 * A country field: every ISO 3166-1 country by name in the viewer's language, submitting its
 * two-letter code. Free text let "Australia" be cut to "AU"; a list cannot be mistyped.
 */
export function CountrySelect({ language, placeholder, unknownLabel, value, ...props }: CountrySelectProps) {
  const options = useMemo(() => countryOptions(language), [language]);
  const current = typeof value === "string" ? value.toUpperCase() : value;
  const unknown = typeof current === "string" && current !== "" && !isCountryCode(current);
  return (
    <Select {...props} {...(value === undefined ? {} : { value: current })}>
      <option value="">{placeholder}</option>
      {unknown && <option value={current}>{unknownLabel(current)}</option>}
      {options.map((option) => (
        <option key={option.code} value={option.code}>
          {option.name}
        </option>
      ))}
    </Select>
  );
}
