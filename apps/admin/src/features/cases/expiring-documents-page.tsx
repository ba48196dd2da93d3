import { useExpiringDocuments } from "@referral-app/api-client/react/case-admin-hooks";
import { formatDate } from "@referral-app/shared/formatting";
import type { ExpiringDocument } from "@referral-app/shared/schemas/document";
import { FormMessage } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useState } from "react";
import { Link } from "react-router";
import { strings } from "../../strings.ts";

const words = strings.expiring;
const WINDOWS = [7, 30, 90] as const;

const COLUMNS: readonly TableColumn<ExpiringDocument>[] = [
  {
    key: "document",
    header: words.document,
    rowHeader: true,
    cell: (row) =>
      row.applicantName ? `${row.requirementName} (${row.applicantName})` : row.requirementName,
  },
  {
    key: "case",
    header: words.caseNumber,
    cell: (row) => (
      <Link to={`/cases/${row.caseId}`} className="font-medium text-brand underline-offset-4 hover:underline">
        {row.caseNumber}
      </Link>
    ),
  },
  { key: "client", header: words.client, cell: (row) => row.clientName },
  { key: "until", header: words.validUntil, cell: (row) => formatDate(row.validUntil) },
  { key: "left", header: words.daysLeft, cell: (row) => words.left(row.daysLeft) },
];

/** Staff: every document across open cases that runs out within the chosen window. */
export function Component() {
  const [withinDays, setWithinDays] = useState<number>(30);
  const expiring = useExpiringDocuments(withinDays);
  let body = <SkeletonList label={strings.app.loading} lines={3} />;
  if (expiring.data?.length === 0) body = <p className="text-sm text-muted">{words.empty}</p>;
  else if (expiring.data)
    body = (
      <Table
        columns={COLUMNS}
        rows={expiring.data}
        rowKey={(row) => row.documentId}
        caption={words.caption}
      />
    );
  else if (expiring.error) body = <FormMessage tone="error">{expiring.error.message}</FormMessage>;
  return (
    <>
      <PageHeader title={words.title} description={words.description} />
      <label className="mb-4 flex items-center gap-2 text-sm">
        {words.within}
        <select
          className="rounded-md border border-border bg-transparent px-2 py-1"
          value={withinDays}
          onChange={(event) => setWithinDays(Number(event.target.value))}
        >
          {WINDOWS.map((days) => (
            <option key={days} value={days}>
              {words.days(days)}
            </option>
          ))}
        </select>
      </label>
      {body}
    </>
  );
}
