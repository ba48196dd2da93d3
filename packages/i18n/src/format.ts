import { localeFor } from "./resources.ts";

type Values = Record<string, string | number>;

/** Fills `{{name}}` placeholders, the same syntax i18next reads; a missing value stays visible. */
export function interpolate(template: string, values: Values = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** The placeholder names a string uses, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] as string))];
}

/**
 * Picks the plural form for `count` with the language's CLDR rules (Intl.PluralRules), as i18next
 * does for `_one`/`_other` keys; a category a group does not spell out (Spanish "many") falls back to
 * `other`. `{{count}}` is filled in, formatted for the locale.
 */
export function plural(
  language: string,
  count: number,
  forms: { one?: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>,
  values: Values = {},
): string {
  const locale = localeFor(language);
  const category = new Intl.PluralRules(locale).select(count);
  const template = forms[category] ?? forms.other;
  return interpolate(template, { ...values, count: new Intl.NumberFormat(locale).format(count) });
}

/** `plural` over a group's `<name>_one`/`<name>_other` keys (e.g. `counts.entries_one`). */
export function pluralKey(
  language: string,
  group: Record<string, string>,
  name: string,
  count: number,
  values: Values = {},
): string {
  const other = group[`${name}_other`];
  if (other === undefined) throw new Error(`No plural forms for "${name}"`);
  return plural(language, count, { one: group[`${name}_one`], other }, values);
}
