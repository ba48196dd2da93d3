import { fieldErrorsFrom } from "@referral-app/shared/errors";
import { type PartnerImportColumn, partnerImportColumn } from "@referral-app/shared/schemas/partners";
import { createReferralSchema } from "@referral-app/shared/schemas/referral";
import Papa from "papaparse";

export interface PreviewRow {
  /** The spreadsheet row number (header = 1), as the import's error report numbers rows. */
  number: number;
  cells: string[];
  /** What the import will refuse in this row (field → the shared schema's messages); absent when fine. */
  problems?: Record<string, string[]>;
}

export interface CsvPreview {
  header: string[];
  /** The first rows, then any later row with a problem, so bad rows are seen before uploading. */
  rows: PreviewRow[];
  /** Data rows in the file (the header excluded). */
  total: number;
  /** Data rows the import will refuse as they are. */
  invalid: number;
  /** Required columns the header lacks (the import refuses the whole file without them). */
  missingColumns: PartnerImportColumn[];
}

// Enum columns read case-insensitively, as on the server ("Student" is student).
const LOWER_CASE: ReadonlySet<PartnerImportColumn> = new Set(["visaInterest", "relationship"]);

/** The same check as the server's, with the shared schema: what this row's referral would be refused for. */
function checkRow(
  columns: (PartnerImportColumn | null)[],
  cells: string[],
): Record<string, string[]> | undefined {
  const input: Partial<Record<PartnerImportColumn, string>> = {};
  columns.forEach((column, position) => {
    const value = cells[position]?.trim();
    if (column && value) input[column] = LOWER_CASE.has(column) ? value.toLowerCase() : value;
  });
  const parsed = createReferralSchema.safeParse(input);
  return parsed.success ? undefined : fieldErrorsFrom(parsed.error);
}

/** Reads the file in the browser: the header, the rows to show, and which rows the import will refuse. */
export async function previewCsv(file: Blob, limit = 5, flaggedLimit = 20): Promise<CsvPreview> {
  const text = await file.text();
  // Empty lines are kept (and skipped below) so row numbers match the spreadsheet's and the server's.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const columns = header.map(partnerImportColumn);
  const missingColumns = (["fullName", "email"] as const).filter((column) => !columns.includes(column));
  const rows: PreviewRow[] = [];
  let invalid = 0;
  let total = 0;
  records.forEach((cells, index) => {
    if (!cells.some((cell) => cell.trim())) return;
    total += 1;
    const problems = missingColumns.length ? undefined : checkRow(columns, cells);
    if (problems) invalid += 1;
    const shown = rows.length;
    if (total <= limit || (problems && shown < limit + flaggedLimit)) {
      rows.push({ number: index + 2, cells, ...(problems ? { problems } : {}) });
    }
  });
  return { header, rows, total, invalid, missingColumns };
}

export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === "text/csv" || file.type === "application/csv";
}
