import { fieldErrorsFrom } from "@referral-app/shared/errors";
import {
  type ImportRowError,
  PARTNER_IMPORT_LIMITS,
  type PartnerImportColumn,
  partnerImportColumn,
} from "@referral-app/shared/schemas/partners";
import { type CreateReferralInput, createReferralSchema } from "@referral-app/shared/schemas/referral";
import { parse } from "csv-parse/sync";
import { DomainError } from "../../lib/domain-error.ts";

type Column = PartnerImportColumn;

// Enum columns read case-insensitively ("Student" is student).
const LOWER_CASE: ReadonlySet<Column> = new Set(["visaInterest", "relationship"]);

export interface ValidRow {
  /** The spreadsheet row number (header = 1). */
  row: number;
  data: CreateReferralInput;
}

export interface CheckedRows {
  rows: number;
  valid: ValidRow[];
  errors: ImportRowError[];
}

function parseCsv(text: string): string[][] {
  // NUL bytes mean a binary file (a spreadsheet saved as .csv, UTF-16 text), and PostgreSQL cannot store them.
  if (text.includes("\u0000")) {
    throw new DomainError("VALIDATION_ERROR", "The file is not valid CSV", {
      fields: { file: ["The file holds binary data: export it as CSV (UTF-8) and upload that"] },
    });
  }
  try {
    // Empty lines are kept (and skipped below) so row numbers match the spreadsheet's.
    return parse(text, { bom: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new DomainError("VALIDATION_ERROR", "The file is not valid CSV", {
      fields: { file: [error instanceof Error ? error.message : "Unreadable CSV"] },
    });
  }
}

/**
 * Reads the file and validates every row with the same schema as `POST /api/referrals`. Rows that
 * repeat an earlier row's email, or the uploader's own, are row errors too. Nothing touches the database.
 */
export function checkImportRows(text: string, uploaderEmail: string): CheckedRows {
  const [header, ...records] = parseCsv(text);
  if (!header)
    throw new DomainError("VALIDATION_ERROR", "The file is empty", { fields: { file: ["Empty file"] } });
  const columns = header.map(partnerImportColumn);
  const missing = (["fullName", "email"] as const).filter((required) => !columns.includes(required));
  if (missing.length > 0) {
    throw new DomainError("VALIDATION_ERROR", `The header needs the columns ${missing.join(" and ")}`, {
      fields: { file: [`Missing column: ${missing.join(", ")}`] },
    });
  }
  const dataRows = records.filter((record) => record.some(Boolean)).length;
  if (dataRows > PARTNER_IMPORT_LIMITS.maxRows) {
    throw new DomainError("PAYLOAD_TOO_LARGE", `At most ${PARTNER_IMPORT_LIMITS.maxRows} rows per file`);
  }
  const valid: ValidRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOf = new Map<string, number>();
  const self = uploaderEmail.toLowerCase();
  records.forEach((record, index) => {
    if (!record.some(Boolean)) return;
    const row = index + 2;
    const input: Partial<Record<Column, string>> = {};
    columns.forEach((column, position) => {
      const value = record[position];
      if (column && value) input[column] = LOWER_CASE.has(column) ? value.toLowerCase() : value;
    });
    const parsed = createReferralSchema.safeParse(input);
    if (!parsed.success) {
      errors.push({ row, code: "VALIDATION_ERROR", fields: fieldErrorsFrom(parsed.error) });
      return;
    }
    const email = parsed.data.email.toLowerCase();
    if (email === self) {
      errors.push({ row, code: "VALIDATION_ERROR", fields: { email: ["You cannot refer yourself"] } });
      return;
    }
    const earlier = firstRowOf.get(email);
    if (earlier !== undefined) {
      errors.push({
        row,
        code: "REFERRAL_DUPLICATE",
        fields: { email: [`Repeats row ${earlier} of this file`] },
      });
      return;
    }
    firstRowOf.set(email, row);
    valid.push({ row, data: parsed.data });
  });
  return { rows: dataRows, valid, errors };
}
