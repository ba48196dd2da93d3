import { REFERRER_VISIBILITY_LEVELS, type ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import { useTranslation } from "react-i18next";

/** The four levels as radio buttons with a line each on what the referrer then sees. */
export function VisibilityChoice({
  value,
  onChange,
  legend,
  name = "referrer-visibility",
}: {
  value: ReferrerVisibilityLevel;
  onChange: (level: ReferrerVisibilityLevel) => void;
  legend: string;
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {REFERRER_VISIBILITY_LEVELS.map((level) => (
        <label
          key={level}
          className="flex cursor-pointer items-start gap-3 rounded-md border border-border p-3 has-[:checked]:border-brand"
        >
          <input
            type="radio"
            name={name}
            value={level}
            checked={value === level}
            onChange={() => onChange(level)}
            className="mt-1 accent-brand"
          />
          <span>
            <span className="block text-sm font-medium">{t(`privacy.levels.${level}`)}</span>
            <span className="block text-xs text-muted">{t(`privacy.levelHints.${level}`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
