import { validationKey } from "@referral-app/i18n/validation";
import { RELATIONSHIPS, VISA_INTERESTS } from "@referral-app/shared/constants";
import { type PartnerImportColumn, partnerImportColumn } from "@referral-app/shared/schemas/partners";
import { strings } from "../../strings.ts";

// The import's codes in words: CSV headers as column names, and the shared schema's (English, zod)
// messages as short reasons a partner can act on.

const CHOICES: Partial<Record<PartnerImportColumn, readonly string[]>> = {
  visaInterest: VISA_INTERESTS,
  relationship: RELATIONSHIPS,
};

/** A header as the partner reads it: "fullName" or "FULLNAME" is "Full name"; others are marked ignored. */
export function headerWords(header: string): string {
  const column = partnerImportColumn(header);
  return column ? strings.import.columns[column] : strings.import.ignoredColumn(header);
}

/** A field name from an error ("fullName", "email", "file") in words. */
export function fieldWords(field: string): string {
  return strings.import.columns[field as PartnerImportColumn] ?? field;
}

/** One reason in words: never a zod sentence like "Invalid input: expected string, received undefined". */
export function messageWords(field: string, message: string): string {
  if (/two-letter country/i.test(message)) return strings.import.problems.country;
  const key = validationKey(message);
  if (key === "required") return strings.import.problems.missing;
  if (key === "email" || key === "name" || key === "phone" || key === "tooLong")
    return strings.validation[key];
  if (/refer yourself/i.test(message)) return strings.import.problems.self;
  const repeats = /^Repeats row (\d+)/.exec(message);
  if (repeats) return strings.import.problems.repeats(Number(repeats[1]));
  const choices = CHOICES[field as PartnerImportColumn];
  if (choices) return strings.import.problems.oneOf(choices.join(", "));
  return strings.validation.invalid;
}

/** A row's problems, one sentence per field: "Full name: missing; Email: Enter a valid email address". */
export function rowProblems(fields: Record<string, string[]>): string {
  return Object.entries(fields)
    .map(
      ([field, messages]) =>
        `${fieldWords(field)}: ${messages.map((m) => messageWords(field, m)).join(", ")}`,
    )
    .join("; ");
}

/** The template a partner starts from: the headers the import reads and one example row. */
export function templateCsv(): string {
  const header = ["Full name", "Email", "Phone", "Country", "Visa interest", "Relationship", "Notes"];
  const example = [
    "Ana García",
    "ana.garcia@example.com",
    "+34 600 123 456",
    "ES",
    "student",
    "friend",
    "Prefers email",
  ];
  return `${header.join(",")}\r\n${example.join(",")}\r\n`;
}
