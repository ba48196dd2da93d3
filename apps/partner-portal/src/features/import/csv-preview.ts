import Papa from "papaparse";

export interface CsvPreview {
  header: string[];
  rows: string[][];
  /** Data rows in the file (the header excluded). */
  total: number;
}

/** Reads the file in the browser: the header, the first `limit` data rows and the row count. */
export async function previewCsv(file: Blob, limit = 5): Promise<CsvPreview> {
  const text = await file.text();
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const [header = [], ...rows] = parsed.data;
  return { header, rows: rows.slice(0, limit), total: rows.length };
}

export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === "text/csv" || file.type === "application/csv";
}
