import { useVisaTypes } from "@referral-app/api-client/react";
import { formatCountry } from "@referral-app/app-kit/console-format";
import type { VisaType } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { strings } from "../../strings.ts";
import { AdminOnly } from "../staff/admin-only.tsx";
import { VisaTypeDialog } from "./visa-type-dialog.tsx";

const documentCount = (type: VisaType) =>
  Object.values(type.stageDocuments).reduce((total, documents) => total + (documents?.length ?? 0), 0);

const columns: TableColumn<VisaType>[] = [
  {
    key: "name",
    header: strings.visaTypes.name,
    rowHeader: true,
    cell: (row) => (
      <div className="flex flex-col">
        <span>{row.name}</span>
        {row.description ? <span className="text-xs font-normal text-muted">{row.description}</span> : null}
      </div>
    ),
  },
  {
    key: "destination",
    header: strings.visaTypes.destinationShort,
    cell: (row) => (row.destinationCountry ? formatCountry(row.destinationCountry) : "—"),
  },
  {
    key: "documents",
    header: strings.visaTypes.documents,
    cell: (row) => strings.visaTypes.documentCount(documentCount(row)),
  },
  {
    key: "status",
    header: strings.visaTypes.status,
    cell: (row) =>
      row.active ? (
        <Badge tone="success">{strings.visaTypes.active}</Badge>
      ) : (
        <Badge>{strings.visaTypes.retired}</Badge>
      ),
  },
  {
    key: "edit",
    // A visible header: a visually hidden one inside the scrolling table widened the page at 390 px.
    header: strings.staff.actions,
    cell: (row) => <VisaTypeDialog visaType={row} />,
  },
];

const WITH_RETIRED = { includeRetired: "true" } as const;

/** The visa-type catalogue: name, destination, description and the documents each stage needs. */
export function Component() {
  const visaTypes = useVisaTypes(WITH_RETIRED);
  return (
    <>
      <PageHeader
        title={strings.visaTypes.title}
        description={strings.visaTypes.description}
        actions={<VisaTypeDialog />}
      />
      <AdminOnly>
        <QueryState
          query={visaTypes}
          loadingLabel={strings.visaTypes.loading}
          empty={visaTypes.data?.length === 0}
          emptyTitle={strings.visaTypes.empty}
        >
          <Table
            columns={columns}
            rows={visaTypes.data ?? []}
            rowKey={(row) => row.id}
            caption={strings.visaTypes.caption}
          />
        </QueryState>
      </AdminOnly>
    </>
  );
}
