import { usePartnerMembers } from "@referral-app/api-client/react/partner-hooks";
import { formatDate } from "@referral-app/app-kit/console-format";
import type { PartnerMember } from "@referral-app/shared/schemas/partners";
import { Badge } from "@referral-app/ui/badge";
import { Card } from "@referral-app/ui/card";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { strings } from "../../strings.ts";
import { InviteForm } from "./invite-form.tsx";

const columns: TableColumn<PartnerMember>[] = [
  {
    key: "name",
    header: strings.members.name,
    rowHeader: true,
    cell: (row) => <TruncatedText text={row.name} />,
  },
  {
    key: "email",
    header: strings.members.email,
    cell: (row) => <TruncatedText text={row.email} lines={1} />,
  },
  {
    key: "state",
    header: strings.members.state,
    cell: (row) =>
      row.emailVerified ? (
        <Badge tone="success">{strings.members.active}</Badge>
      ) : (
        <Badge tone="warning">{strings.members.invited}</Badge>
      ),
  },
  { key: "joined", header: strings.members.joined, cell: (row) => formatDate(row.createdAt) },
];

export function Component() {
  const members = usePartnerMembers();
  return (
    <>
      <PageHeader title={strings.members.title} />
      <div className="space-y-6">
        <QueryState
          query={members}
          loadingLabel={strings.members.loading}
          empty={members.data?.length === 0}
          emptyTitle={strings.members.empty}
        >
          <Table
            columns={columns}
            rows={members.data ?? []}
            rowKey={(row) => row.id}
            caption={strings.members.caption}
          />
        </QueryState>
        <Card title={strings.members.invite} className="max-w-3xl">
          <InviteForm />
        </Card>
      </div>
    </>
  );
}
