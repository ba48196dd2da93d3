import {
  useReopenCase,
  useSetCaseOutcome,
  useStaffMembers,
  useUpdateCase,
} from "@referral-app/api-client/react/case-admin-hooks";
import { CASE_OUTCOMES, type CaseOutcomeId } from "@referral-app/shared/constants";
import { toDateInputValue } from "@referral-app/shared/formatting";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, FormMessage, Input, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

export function AssignmentForm({ visaCase }: { visaCase: VisaCase }) {
  const staff = useStaffMembers();
  const update = useUpdateCase(visaCase.id);
  const { toast } = useToast();
  const [consultantId, setConsultantId] = useState(visaCase.consultant?.id ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { consultantId: consultantId || null },
      { onSuccess: () => toast({ title: strings.case.assigned, tone: "success" }) },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.case.assignment}>
      {update.error ? <FormMessage>{errorMessage(update.error)}</FormMessage> : null}
      <Field label={strings.case.consultant}>
        <Select value={consultantId} onChange={(event) => setConsultantId(event.target.value)}>
          <option value="">{strings.cases.unassigned}</option>
          {(staff.data ?? [])
            .filter((member) => member.active || member.id === visaCase.consultant?.id)
            .map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
        </Select>
      </Field>
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        disabled={consultantId === (visaCase.consultant?.id ?? "")}
        loading={update.isPending}
      >
        {strings.case.assign}
      </Button>
    </form>
  );
}

/** Recording an outcome closes the case, so it asks first. */
export function OutcomeForm({ visaCase }: { visaCase: VisaCase }) {
  const decide = useSetCaseOutcome(visaCase.id);
  const { toast } = useToast();
  const [outcome, setOutcome] = useState<CaseOutcomeId | "">("");
  const [decidedAt, setDecidedAt] = useState(toDateInputValue);
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (outcome) setConfirming(true);
  };
  const confirm = () => {
    if (!outcome) return;
    decide.mutate(
      { outcome, decidedAt, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => toast({ title: strings.case.decidedToast, tone: "success" }),
        onSettled: () => setConfirming(false),
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.case.outcome}>
      {decide.error ? <FormMessage>{errorMessage(decide.error)}</FormMessage> : null}
      <div className="grid gap-3">
        <Field label={strings.case.outcomeLabel}>
          <Select value={outcome} onChange={(event) => setOutcome(event.target.value as CaseOutcomeId | "")}>
            <option value="">{strings.case.chooseOutcome}</option>
            {CASE_OUTCOMES.map((id) => (
              <option key={id} value={id}>
                {strings.outcomes[id]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.case.decidedAt}>
          <Input
            type="date"
            value={decidedAt}
            max={toDateInputValue()}
            onChange={(event) => setDecidedAt(event.target.value)}
          />
        </Field>
      </div>
      <Field label={strings.case.outcomeNote}>
        <Textarea maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={!outcome || !decidedAt}>
        {strings.case.decide}
      </Button>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={strings.case.confirmTitle(outcome ? strings.outcomes[outcome] : "")}
        description={strings.case.confirmBody}
        closeLabel={strings.common.close}
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {strings.common.cancel}
            </Button>
            <Button variant="danger" loading={decide.isPending} onClick={confirm}>
              {strings.case.confirm}
            </Button>
          </>
        }
      />
    </form>
  );
}

/** Reopening a decided case needs a reason, which the audit log keeps. */
export function ReopenDialog({ visaCase }: { visaCase: VisaCase }) {
  const reopen = useReopenCase(visaCase.id);
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reopen.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          setReason("");
          toast({ title: strings.case.reopened, tone: "success" });
        },
      },
    );
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={strings.case.reopenTitle}
      closeLabel={strings.common.close}
      trigger={<Button variant="secondary">{strings.case.reopen}</Button>}
    >
      <form onSubmit={submit} className="space-y-3">
        {reopen.error ? <FormMessage>{errorMessage(reopen.error)}</FormMessage> : null}
        <Field label={strings.case.reopenReason} required>
          <Textarea
            minLength={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        <Button type="submit" disabled={reason.trim().length < 3} loading={reopen.isPending}>
          {strings.case.reopenConfirm}
        </Button>
      </form>
    </Dialog>
  );
}
