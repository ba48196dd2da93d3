import { useVisaTypes } from "@referral-app/api-client/react";
import { useAdminClients } from "@referral-app/api-client/react/admin-hooks";
import { useCreateCase, useStaffMembers } from "@referral-app/api-client/react/case-admin-hooks";
import { ConsoleCountrySelect } from "@referral-app/app-kit/console-country-select";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, FormMessage, Input, Select } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useDeferredValue, useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

const EMPTY = {
  q: "",
  clientId: "",
  visaTypeId: "",
  destinationCountry: "",
  targetDate: "",
  consultantId: "",
};

function CreateCaseForm({ onDone }: { onDone: () => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [missing, setMissing] = useState(false);
  const search = useDeferredValue(draft.q.trim());
  const clients = useAdminClients({ q: search || undefined, limit: 20 });
  const visaTypes = useVisaTypes();
  const staff = useStaffMembers();
  const create = useCreateCase();
  const { toast } = useToast();
  const navigate = useNavigate();
  const set = (patch: Partial<typeof EMPTY>) => setDraft((current) => ({ ...current, ...patch }));
  const options = clients.data?.pages.flatMap((page) => page.data) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.clientId || !draft.visaTypeId) return setMissing(true);
    setMissing(false);
    create.mutate(
      {
        clientId: draft.clientId,
        visaTypeId: draft.visaTypeId,
        destinationCountry: draft.destinationCountry.trim().toUpperCase() || undefined,
        targetDate: draft.targetDate || undefined,
        consultantId: draft.consultantId || undefined,
      },
      {
        onSuccess: (created) => {
          toast({ title: strings.createCase.created(created.number), tone: "success" });
          onDone();
          navigate(`/cases/${created.id}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {missing ? <FormMessage>{strings.createCase.required}</FormMessage> : null}
      {create.error ? <FormMessage>{errorMessage(create.error)}</FormMessage> : null}
      <Field label={strings.createCase.clientSearch}>
        <Input
          type="search"
          value={draft.q}
          onChange={(event) => set({ q: event.target.value, clientId: "" })}
        />
      </Field>
      <Field label={strings.createCase.client} required>
        <Select value={draft.clientId} onChange={(event) => set({ clientId: event.target.value })}>
          <option value="">
            {options.length ? strings.createCase.chooseClient : strings.createCase.noClients}
          </option>
          {options.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name} ({client.email})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.createCase.visaType} required>
        <Select value={draft.visaTypeId} onChange={(event) => set({ visaTypeId: event.target.value })}>
          <option value="">{strings.createCase.chooseVisaType}</option>
          {(visaTypes.data ?? [])
            .filter((type) => type.active)
            .map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={strings.createCase.destination}>
          <ConsoleCountrySelect
            value={draft.destinationCountry}
            onChange={(event) => set({ destinationCountry: event.target.value })}
          />
        </Field>
        <Field label={strings.createCase.targetDate}>
          <Input
            type="date"
            value={draft.targetDate}
            onChange={(event) => set({ targetDate: event.target.value })}
          />
        </Field>
      </div>
      <Field label={strings.createCase.consultant}>
        <Select value={draft.consultantId} onChange={(event) => set({ consultantId: event.target.value })}>
          <option value="">{strings.createCase.roundRobin}</option>
          {(staff.data ?? [])
            .filter((member) => member.active)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
        </Select>
      </Field>
      <Button type="submit" loading={create.isPending}>
        {strings.createCase.submit}
      </Button>
    </form>
  );
}

/** "New case": pick the client and the visa type; the consultant defaults to round-robin. */
export function CreateCaseDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={strings.createCase.title}
      closeLabel={strings.common.close}
      trigger={<Button size="sm">{strings.cases.newCase}</Button>}
    >
      {open ? <CreateCaseForm onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}
