import { useCreateVisaType, useUpdateVisaType } from "@referral-app/api-client/react/case-admin-hooks";
import { ConsoleCountrySelect } from "@referral-app/app-kit/console-country-select";
import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import type { StageDocuments, VisaType } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { Checkbox, Field, FormMessage, Input, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

type Draft = {
  name: string;
  destinationCountry: string;
  description: string;
  active: boolean;
  documents: Record<string, string>;
};

function draftOf(type?: VisaType): Draft {
  return {
    name: type?.name ?? "",
    destinationCountry: type?.destinationCountry ?? "",
    description: type?.description ?? "",
    active: type?.active ?? true,
    documents: Object.fromEntries(
      VISA_STAGE_IDS.map((stage) => [stage, (type?.stageDocuments[stage] ?? []).join("\n")]),
    ),
  };
}

/** One document per line; stages without any are left out. */
function stageDocumentsOf(documents: Record<string, string>): StageDocuments {
  const result: StageDocuments = {};
  for (const stage of VISA_STAGE_IDS) {
    const lines = (documents[stage] ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length) result[stage] = lines;
  }
  return result;
}

function VisaTypeForm({ visaType, onDone }: { visaType?: VisaType; onDone: () => void }) {
  const create = useCreateVisaType();
  const update = useUpdateVisaType();
  const save = visaType ? update : create;
  const { toast } = useToast();
  const [draft, setDraft] = useState(() => draftOf(visaType));
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = {
      name: draft.name.trim(),
      destinationCountry: draft.destinationCountry.trim().toUpperCase() || null,
      description: draft.description.trim(),
      stageDocuments: stageDocumentsOf(draft.documents),
    };
    const done = {
      onSuccess: () => {
        toast({ title: strings.visaTypes.saved, tone: "success" as const });
        onDone();
      },
    };
    if (visaType) update.mutate({ id: visaType.id, ...data, active: draft.active }, done);
    else create.mutate(data, done);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {save.error ? <FormMessage>{errorMessage(save.error)}</FormMessage> : null}
      <Field label={strings.visaTypes.name} required>
        <Input maxLength={120} value={draft.name} onChange={(event) => set({ name: event.target.value })} />
      </Field>
      <Field label={strings.visaTypes.destination}>
        <ConsoleCountrySelect
          value={draft.destinationCountry}
          onChange={(event) => set({ destinationCountry: event.target.value })}
        />
      </Field>
      <Field label={strings.visaTypes.descriptionLabel}>
        <Textarea
          maxLength={2000}
          value={draft.description}
          onChange={(event) => set({ description: event.target.value })}
        />
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{strings.visaTypes.documents}</legend>
        <p className="text-xs text-muted">{strings.visaTypes.documentsHint}</p>
        {VISA_STAGE_IDS.map((stage) => (
          <Field key={stage} label={strings.visaTypes.documentsFor(strings.stages[stage])}>
            <Textarea
              rows={2}
              value={draft.documents[stage] ?? ""}
              onChange={(event) => set({ documents: { ...draft.documents, [stage]: event.target.value } })}
            />
          </Field>
        ))}
      </fieldset>
      {visaType ? (
        <Checkbox
          label={strings.visaTypes.active}
          checked={draft.active}
          onChange={(event) => set({ active: event.target.checked })}
        />
      ) : null}
      <Button type="submit" loading={save.isPending} disabled={draft.name.trim().length < 2}>
        {strings.visaTypes.save}
      </Button>
    </form>
  );
}

/** Adds a visa type, or edits one (retiring it keeps it on its cases). */
export function VisaTypeDialog({ visaType }: { visaType?: VisaType }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={visaType ? visaType.name : strings.visaTypes.add}
      closeLabel={strings.common.close}
      trigger={
        visaType ? (
          <Button variant="ghost" size="sm" aria-label={strings.visaTypes.editFor(visaType.name)}>
            {strings.visaTypes.edit}
          </Button>
        ) : (
          <Button size="sm">{strings.visaTypes.add}</Button>
        )
      }
    >
      {open ? <VisaTypeForm visaType={visaType} onDone={() => setOpen(false)} /> : null}
    </Dialog>
  );
}
