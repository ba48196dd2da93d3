import { useSession } from "@referral-app/api-client/react";
import { useStaffMembers, useUpdateStaff } from "@referral-app/api-client/react/case-admin-hooks";
import { formatDate } from "@referral-app/app-kit/console-format";
import type { StaffMember, StaffRole } from "@referral-app/shared/schemas/case";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Dialog } from "@referral-app/ui/dialog";
import { FormMessage, Select } from "@referral-app/ui/form";
import { PageHeader } from "@referral-app/ui/page-header";
import { QueryState } from "@referral-app/ui/query-state";
import { Table, type TableColumn } from "@referral-app/ui/table";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";
import { AdminOnly } from "./admin-only.tsx";
import { BrandingForm } from "./branding-form.tsx";
import { InviteStaffForm, SettingsForm } from "./staff-forms.tsx";

function MemberActions({ member, self }: { member: StaffMember; self: boolean }) {
  const update = useUpdateStaff();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const change = (data: { role?: StaffRole; active?: boolean }) =>
    update.mutate(
      { id: member.id, ...data },
      {
        onSuccess: () => toast({ title: strings.staff.updated, tone: "success" }),
        onSettled: () => setConfirming(false),
      },
    );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select
        aria-label={strings.staff.roleFor(member.name)}
        value={member.role}
        disabled={self || update.isPending}
        onChange={(event) => change({ role: event.target.value as StaffRole })}
        className="w-36"
      >
        <option value="staff">{strings.staff.roles.staff}</option>
        <option value="admin">{strings.staff.roles.admin}</option>
      </Select>
      {member.active ? (
        <Dialog
          open={confirming}
          onOpenChange={setConfirming}
          title={strings.staff.confirmTitle(member.name)}
          description={strings.staff.confirmBody}
          closeLabel={strings.common.close}
          trigger={
            <Button
              variant="ghost"
              size="sm"
              disabled={self}
              aria-label={strings.staff.deactivateFor(member.name)}
            >
              {strings.staff.deactivate}
            </Button>
          }
          footer={
            <>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                {strings.common.cancel}
              </Button>
              <Button variant="danger" loading={update.isPending} onClick={() => change({ active: false })}>
                {strings.staff.confirm}
              </Button>
            </>
          }
        />
      ) : (
        <Button
          variant="ghost"
          size="sm"
          loading={update.isPending}
          aria-label={strings.staff.reactivateFor(member.name)}
          onClick={() => change({ active: true })}
        >
          {strings.staff.reactivate}
        </Button>
      )}
      {update.error ? <FormMessage>{errorMessage(update.error)}</FormMessage> : null}
    </div>
  );
}

function StaffTable({ members }: { members: readonly StaffMember[] }) {
  const session = useSession();
  const selfId = session.data?.user.id;
  const columns: TableColumn<StaffMember>[] = [
    {
      key: "name",
      header: strings.staff.name,
      rowHeader: true,
      cell: (row) => (
        <div className="flex flex-col">
          <span>
            {row.name}
            {row.id === selfId ? <span className="text-muted"> ({strings.staff.you})</span> : null}
          </span>
          <span className="text-xs font-normal text-muted">{row.email}</span>
        </div>
      ),
    },
    {
      key: "status",
      header: strings.staff.status,
      cell: (row) => (
        <div className="flex flex-wrap gap-1">
          <Badge tone={row.active ? "success" : "neutral"}>
            {row.active ? strings.staff.active : strings.staff.inactive}
          </Badge>
          {row.invited ? <Badge tone="info">{strings.staff.invited}</Badge> : null}
        </div>
      ),
    },
    { key: "cases", header: strings.staff.openCases, cell: (row) => row.openCases },
    { key: "since", header: strings.pipeline.created, cell: (row) => formatDate(row.createdAt) },
    {
      key: "actions",
      cardLabel: false,
      header: strings.staff.actions,
      cell: (row) => <MemberActions member={row} self={row.id === selfId} />,
    },
  ];
  return <Table columns={columns} rows={members} rowKey={(row) => row.id} caption={strings.staff.caption} />;
}

function StaffList() {
  const staff = useStaffMembers();
  return (
    <QueryState
      query={staff}
      loadingLabel={strings.staff.loading}
      empty={staff.data?.length === 0}
      emptyTitle={strings.staff.empty}
    >
      <StaffTable members={staff.data ?? []} />
    </QueryState>
  );
}

export function Component() {
  return (
    <>
      <PageHeader title={strings.staff.title} description={strings.staff.description} />
      <AdminOnly>
        <div className="grid gap-6 lg:grid-cols-3 [&>*]:min-w-0">
          <div className="lg:col-span-2">
            <StaffList />
          </div>
          <div className="space-y-6">
            <Card title={strings.staff.invite}>
              <InviteStaffForm />
            </Card>
            <Card title={strings.staff.settings}>
              <SettingsForm />
            </Card>
            <Card title={strings.staff.branding}>
              <BrandingForm />
            </Card>
          </div>
        </div>
      </AdminOnly>
    </>
  );
}
