import { usePartnerOrganizations } from "@referral-app/api-client/react/admin-hooks";
import { REFERRAL_STATUS_VALUES } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { Field, Input, Select } from "@referral-app/ui/form";
import { type FormEvent, useEffect, useState } from "react";
import { strings } from "../../strings.ts";
import type { PipelineFilters } from "./pipeline-filters.ts";

const EMPTY: PipelineFilters = { sort: "newest" };

/** Edits a draft; the list changes on "Apply" (or Enter), not on every keystroke. */
export function ReferralFilters({
  filters,
  onChange,
}: {
  filters: PipelineFilters;
  onChange: (filters: PipelineFilters) => void;
}) {
  const partners = usePartnerOrganizations();
  const [draft, setDraft] = useState<PipelineFilters>(filters);
  // Follow the URL (back button, reset) without looping on a fresh object each render.
  const applied = JSON.stringify(filters);
  useEffect(() => setDraft(JSON.parse(applied) as PipelineFilters), [applied]);
  const set = (patch: Partial<PipelineFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };

  return (
    <form
      onSubmit={submit}
      aria-label={strings.pipeline.filters}
      className="mb-4 grid gap-3 rounded-card border border-border bg-card p-4 sm:grid-cols-2 lg:grid-cols-6"
    >
      <Field label={strings.pipeline.search} className="lg:col-span-2">
        <Input type="search" value={draft.q ?? ""} onChange={(event) => set({ q: event.target.value })} />
      </Field>
      <Field label={strings.pipeline.status}>
        <Select
          value={draft.status ?? ""}
          onChange={(event) =>
            set({ status: (event.target.value || undefined) as PipelineFilters["status"] })
          }
        >
          <option value="">{strings.common.all}</option>
          {REFERRAL_STATUS_VALUES.map((status) => (
            <option key={status} value={status}>
              {strings.statuses[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.pipeline.partner}>
        <Select
          value={draft.partnerOrganizationId ?? ""}
          onChange={(event) => set({ partnerOrganizationId: event.target.value || undefined })}
        >
          <option value="">{strings.pipeline.allPartners}</option>
          {(partners.data ?? []).map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.pipeline.from}>
        <Input type="date" value={draft.from ?? ""} onChange={(event) => set({ from: event.target.value })} />
      </Field>
      <Field label={strings.pipeline.to}>
        <Input type="date" value={draft.to ?? ""} onChange={(event) => set({ to: event.target.value })} />
      </Field>
      <Field label={strings.pipeline.sort} className="lg:col-span-2">
        <Select
          value={draft.sort ?? "newest"}
          onChange={(event) => set({ sort: event.target.value === "oldest" ? "oldest" : "newest" })}
        >
          <option value="newest">{strings.pipeline.newest}</option>
          <option value="oldest">{strings.pipeline.oldest}</option>
        </Select>
      </Field>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{strings.pipeline.apply}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(EMPTY);
            onChange(EMPTY);
          }}
        >
          {strings.pipeline.reset}
        </Button>
      </div>
    </form>
  );
}
