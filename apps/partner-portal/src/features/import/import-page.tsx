import { useImportReferrals, usePartnerImports } from "@referral-app/api-client/react/partner-hooks";
import { formatDateTime } from "@referral-app/app-kit/console-format";
import { PARTNER_IMPORT_LIMITS } from "@referral-app/shared/schemas/partners";
import { Button, buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { CsvDropZone } from "./csv-drop-zone.tsx";
import { type CsvPreview, isCsvFile, type PreviewRow, previewCsv } from "./csv-preview.ts";
import { fieldWords, headerWords, rowProblems, templateCsv } from "./import-words.ts";

const PREVIEW_ROWS = 5;

import { ImportResult } from "./import-result.tsx";

function PreviewTable({ preview }: { preview: CsvPreview }) {
  const columns: TableColumn<PreviewRow>[] = [
    { key: "row", header: strings.import.row, rowHeader: true, cell: (row) => row.number },
    ...preview.header.map((name, index) => ({
      key: String(index),
      header: headerWords(name),
      cell: (row: PreviewRow) => row.cells[index] ?? "",
    })),
    {
      key: "check",
      header: strings.import.problemsColumn,
      cell: (row) =>
        row.problems ? (
          <span className="font-medium text-danger">{rowProblems(row.problems)}</span>
        ) : (
          <span className="text-success">{strings.import.ready}</span>
        ),
    },
  ];
  const shownFirst = preview.rows.filter((row) => row.number <= PREVIEW_ROWS + 1).length;
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted">{strings.import.preview(shownFirst, preview.total)}</p>
      {preview.missingColumns.length > 0 ? (
        <FormMessage>
          {strings.import.problems.missingColumns(preview.missingColumns.map(fieldWords).join(", "))}
        </FormMessage>
      ) : (
        <FormMessage tone={preview.invalid ? "error" : "info"}>
          {strings.import.badRows(preview.invalid, preview.total)}
        </FormMessage>
      )}
      <Table
        columns={columns}
        rows={preview.rows}
        rowKey={(row) => String(row.number)}
        caption={strings.import.previewCaption}
      />
    </div>
  );
}

/** The template to start from, built in the browser (no request, works offline). */
function TemplateLink() {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;
  return (
    <a
      href={href}
      download="referrals-template.csv"
      className={buttonClasses({ variant: "secondary", size: "sm" })}
    >
      {strings.import.template}
    </a>
  );
}

function RecentImports() {
  const imports = usePartnerImports();
  const items = imports.data ?? [];
  return (
    <Card title={strings.import.recent} className="mt-6">
      <QueryState
        query={imports}
        loadingLabel={strings.app.loading}
        empty={items.length === 0}
        emptyTitle={strings.import.noImports}
      >
        <ul className="divide-y divide-border text-sm">
          {items.map((item) => (
            <li key={item.importId} className="flex flex-wrap justify-between gap-2 py-2">
              <span>{item.fileName ?? item.importId}</span>
              <span className="text-muted">
                {formatDateTime(item.createdAt)} · {item.imported} {strings.import.imported.toLowerCase()},{" "}
                {item.failed} {strings.import.failed.toLowerCase()}
              </span>
            </li>
          ))}
        </ul>
      </QueryState>
    </Card>
  );
}

export function Component() {
  const upload = useImportReferrals();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);

  const choose = async (next: File) => {
    upload.reset();
    setProgress(0);
    setPreview(null);
    if (!isCsvFile(next)) return setProblem(strings.import.notCsv);
    if (next.size > PARTNER_IMPORT_LIMITS.maxBytes)
      return setProblem(strings.import.tooBig(PARTNER_IMPORT_LIMITS.maxBytes / 1024 / 1024));
    const parsed = await previewCsv(next, PREVIEW_ROWS);
    if (parsed.total === 0) return setProblem(strings.import.emptyFile);
    setProblem(null);
    setFile(next);
    setPreview(parsed);
  };

  const start = () => {
    if (!file) return;
    setProgress(0);
    upload.mutate({ file, fileName: file.name, onProgress: setProgress });
  };

  return (
    <>
      <PageHeader
        title={strings.import.title}
        description={strings.import.description}
        actions={<TemplateLink />}
      />
      <Card>
        <div className="space-y-4">
          {file && preview ? (
            <>
              <p className="font-medium">{file.name}</p>
              <PreviewTable preview={preview} />
              <div className="flex flex-wrap items-center gap-3">
                <Button loading={upload.isPending} disabled={upload.isSuccess} onClick={start}>
                  {upload.isPending ? strings.import.uploading : strings.import.upload}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => {
                    setFile(null);
                    setPreview(null);
                    upload.reset();
                  }}
                >
                  {strings.import.clear}
                </Button>
              </div>
              {upload.isPending || upload.isSuccess ? (
                <div className="flex items-center gap-3">
                  <progress
                    aria-label={strings.import.progress}
                    max={100}
                    value={Math.round(progress * 100)}
                    className="h-2 w-full max-w-md accent-brand"
                  />
                  <span className="text-sm tabular-nums">{Math.round(progress * 100)}%</span>
                </div>
              ) : null}
            </>
          ) : (
            <CsvDropZone onFile={(next) => void choose(next)} />
          )}
          {problem ? <FormMessage>{problem}</FormMessage> : null}
          {upload.error ? <FormMessage>{errorMessage(upload.error)}</FormMessage> : null}
        </div>
      </Card>
      {upload.data ? <ImportResult result={upload.data} /> : null}
      <RecentImports />
    </>
  );
}
