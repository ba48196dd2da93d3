import { useVisaTypes } from "@referral-app/api-client/react";
import { useStaffMembers } from "@referral-app/api-client/react/case-admin-hooks";
import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { Checkbox, Field, Input, Select } from "@referral-app/ui/form";
import { type FormEvent, useEffect, useState } from "react";
import { strings } from "../../strings.ts";
import type { CaseFilters } from "./case-filters.ts";

// Retired types still have cases to find.
const WITH_RETIRED = { includeRetired: "true" } as const;
const EMPTY: CaseFilters = { state: "open" };

/** Edits a draft; the list changes on "Apply" (or Enter). Pinned filters are not offered. */
export function CaseFiltersForm({
  filters,
  onChange,
  showConsultant = true,
}: {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  showConsultant?: boolean;
}) {
  const visaTypes = useVisaTypes(WITH_RETIRED);
  const staff = useStaffMembers();
  const [draft, setDraft] = useState<CaseFilters>(filters);
  const applied = JSON.stringify(filters);
  useEffect(() => setDraft(JSON.parse(applied) as CaseFilters), [applied]);
  const set = (patch: Partial<CaseFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <form
      onSubmit={submit}
      aria-label={strings.cases.filters}
      className="mb-4 grid gap-3 rounded-card border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <Field label={strings.cases.search} className="sm:col-span-2">
        <Input type="search" value={draft.q ?? ""} onChange={(event) => set({ q: event.target.value })} />
      </Field>
      <Field label={strings.cases.stage}>
        <Select
          value={draft.stage ?? ""}
          onChange={(event) => set({ stage: (event.target.value || undefined) as CaseFilters["stage"] })}
        >
          <option value="">{strings.common.all}</option>
          {VISA_STAGE_IDS.map((stage) => (
            <option key={stage} value={stage}>
              {strings.stages[stage]}
            </option>
          ))}
        </Select>
      </Field>
      {showConsultant ? (
        <Field label={strings.cases.consultant}>
          <Select
            value={draft.consultantId ?? ""}
            onChange={(event) =>
              set({ consultantId: (event.target.value || undefined) as CaseFilters["consultantId"] })
            }
          >
            <option value="">{strings.cases.anyConsultant}</option>
            <option value="me">{strings.cases.me}</option>
            <option value="unassigned">{strings.cases.unassigned}</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field label={strings.cases.visaType}>
        <Select
          value={draft.visaTypeId ?? ""}
          onChange={(event) => set({ visaTypeId: event.target.value || undefined })}
        >
          <option value="">{strings.cases.anyVisaType}</option>
          {(visaTypes.data ?? []).map((type) => (
            <option key={type.id} value={type.id}>
              {type.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.cases.state}>
        <Select
          value={draft.state ?? "open"}
          onChange={(event) => set({ state: event.target.value as CaseFilters["state"] })}
        >
          {(["open", "decided", "all"] as const).map((state) => (
            <option key={state} value={state}>
              {strings.cases.states[state]}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end sm:col-span-2">
        <Checkbox
          label={strings.cases.overdueOnly}
          checked={draft.overdueTasks === "true"}
          onChange={(event) => set({ overdueTasks: event.target.checked ? "true" : undefined })}
        />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{strings.cases.apply}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(EMPTY);
            onChange(EMPTY);
          }}
        >
          {strings.cases.reset}
        </Button>
      </div>
    </form>
  );
}
