import { usePartnerService } from "@referral-app/api-client/react/partner-hooks";
import type { PartnerImportResult } from "@referral-app/shared/schemas/partners";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { strings } from "../../strings.ts";
import { rowProblems } from "./import-words.ts";

type RowError = PartnerImportResult["errors"][number];

const columns: TableColumn<RowError>[] = [
  { key: "row", header: strings.import.row, rowHeader: true, cell: (row) => row.row },
  { key: "code", header: strings.import.code, cell: (row) => strings.import.codes[row.code] },
  {
    key: "fields",
    header: strings.import.fields,
    cell: (row) => rowProblems(row.fields),
  },
];

/** Counts, the duplicate-file notice, each failed row and the error report to download. */
export function ImportResult({ result }: { result: PartnerImportResult }) {
  const partner = usePartnerService();
  return (
    <Card title={strings.import.result} className="mt-6">
      <div role="status" className="space-y-4">
        {result.duplicateFile ? <FormMessage tone="info">{strings.import.duplicateFile}</FormMessage> : null}
        <dl className="grid grid-cols-3 gap-3">
          <div className="rounded-lg border border-border p-3">
            <dt className="text-xs text-muted">{strings.import.rows}</dt>
            <dd className="text-xl font-semibold">{result.rows}</dd>
          </div>
          <div className="rounded-lg border border-border p-3">
            <dt className="text-xs text-muted">{strings.import.imported}</dt>
            <dd className="text-xl font-semibold text-success" data-testid="imported-count">
              {result.imported}
            </dd>
          </div>
          <div className="rounded-lg border border-border p-3">
            <dt className="text-xs text-muted">{strings.import.failed}</dt>
            <dd className="text-xl font-semibold text-danger" data-testid="failed-count">
              {result.failed}
            </dd>
          </div>
        </dl>
      </div>
      {result.errors.length > 0 ? (
        <div className="mt-4 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold">{strings.import.errors}</h3>
            <a
              href={partner.importErrorsUrl(result.importId)}
              download
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              {strings.import.downloadErrors}
            </a>
          </div>
          <Table
            columns={columns}
            rows={result.errors}
            rowKey={(row) => `${row.row}-${row.code}`}
            caption={strings.import.errorsCaption}
          />
        </div>
      ) : null}
    </Card>
  );
}
