import { isApiError } from "@referral-app/api-client/errors";
import { useChangeVisaStage, type VisaStageChange } from "@referral-app/api-client/react/admin-hooks";
import { nextVisaStage, VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { Button } from "@referral-app/ui/button";
import { Field, FormMessage, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/**
 * Advance to the next stage, or set any stage (corrections), with an optional note for the client. When the
 * stage's required documents are missing, the server says which; staff may then move on anyway, with the
 * note saying why (it is audited).
 */
export function VisaStageForm({ userId, progress }: { userId: string; progress: VisaProgress | null }) {
  const change = useChangeVisaStage(userId);
  const { toast } = useToast();
  const [note, setNote] = useState("");
  const [stage, setStage] = useState<VisaStageId>(progress?.currentStage ?? "enquiry");
  const next = progress ? nextVisaStage(progress.currentStage) : null;
  const withNote = note.trim() ? { note: note.trim() } : {};
  const done = () => {
    setNote("");
    toast({ title: strings.clients.stageChanged, tone: "success" });
  };
  const blocked = isApiError(change.error) && change.error.code === "DOCUMENTS_MISSING";
  const [noteMissing, setNoteMissing] = useState(false);
  const moveAnyway = () => {
    if (!note.trim() || !change.variables) return setNoteMissing(true);
    const retry: VisaStageChange = { ...change.variables, note: note.trim(), overrideDocuments: true };
    change.mutate(retry, { onSuccess: done });
  };

  return (
    <div className="space-y-4">
      {change.error ? <FormMessage>{errorMessage(change.error)}</FormMessage> : null}
      <Field label={strings.clients.note} error={noteMissing ? strings.case.overrideNoteRequired : undefined}>
        <Textarea
          maxLength={1000}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            setNoteMissing(false);
          }}
        />
      </Field>
      {blocked ? (
        <Button variant="danger" loading={change.isPending} onClick={moveAnyway}>
          {strings.case.advanceAnyway}
        </Button>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        {progress ? (
          <Button
            disabled={!next}
            loading={change.isPending && change.variables?.kind === "advance"}
            onClick={() => change.mutate({ kind: "advance", ...withNote }, { onSuccess: done })}
          >
            {strings.clients.advance}
          </Button>
        ) : null}
        <Field label={strings.clients.setStage}>
          <Select value={stage} onChange={(event) => setStage(event.target.value as VisaStageId)}>
            {VISA_STAGES.map((item) => (
              <option key={item.id} value={item.id}>
                {strings.stages[item.id]}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          variant="secondary"
          loading={change.isPending && change.variables?.kind === "set"}
          onClick={() => change.mutate({ kind: "set", stage, ...withNote }, { onSuccess: done })}
        >
          {strings.clients.setStage}
        </Button>
      </div>
      {progress && !next ? <p className="text-sm text-muted">{strings.clients.lastStage}</p> : null}
    </div>
  );
}
