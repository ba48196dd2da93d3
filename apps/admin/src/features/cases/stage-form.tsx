import { isApiError } from "@referral-app/api-client/errors";
import { useSetCaseStage } from "@referral-app/api-client/react/case-admin-hooks";
import { VISA_STAGE_IDS, type VisaStageId } from "@referral-app/shared/constants";
import type { VisaCase } from "@referral-app/shared/schemas/case";
import { Button } from "@referral-app/ui/button";
import { Field, FormMessage, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

interface MissingDocument {
  name: string;
  state: string;
}

/** The documents a 409 DOCUMENTS_MISSING names (`details.documents`), or null for any other error. */
function missingDocuments(error: unknown): MissingDocument[] | null {
  if (!isApiError(error) || error.code !== "DOCUMENTS_MISSING") return null;
  const list = error.details?.documents;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is MissingDocument =>
      typeof entry === "object" && entry !== null && typeof (entry as MissingDocument).name === "string",
  );
}

/**
 * Moving a case's stage. The server refuses to leave a stage whose required documents are missing or
 * rejected; the form then names them and lets staff advance anyway with a note, which is audited.
 */
export function StageForm({ visaCase }: { visaCase: VisaCase }) {
  const move = useSetCaseStage(visaCase.id);
  const { toast } = useToast();
  const [stage, setStage] = useState<VisaStageId>(visaCase.currentStage);
  const [note, setNote] = useState("");
  const [blocked, setBlocked] = useState<MissingDocument[] | null>(null);
  const [overrideNote, setOverrideNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const same = stage === visaCase.currentStage;

  const send = (body: { note?: string; overrideDocuments?: true }) =>
    move.mutate(
      { stage, ...body },
      {
        onSuccess: () => {
          setNote("");
          setBlocked(null);
          setOverrideNote("");
          toast({ title: strings.case.moved(strings.stages[stage]), tone: "success" });
        },
        onError: (error) => {
          const missing = missingDocuments(error);
          if (!missing) return;
          setBlocked(missing);
          setOverrideNote((current) => current || note.trim());
        },
      },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!same) send(note.trim() ? { note: note.trim() } : {});
  };
  const advanceAnyway = () => {
    if (!overrideNote.trim()) return setNoteMissing(true);
    setNoteMissing(false);
    send({ note: overrideNote.trim(), overrideDocuments: true });
  };
  const otherError = move.error && !missingDocuments(move.error) ? move.error : null;

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={strings.case.stage}>
      {otherError ? <FormMessage>{errorMessage(otherError)}</FormMessage> : null}
      <Field label={strings.case.moveTo}>
        <Select
          value={stage}
          onChange={(event) => {
            setStage(event.target.value as VisaStageId);
            setBlocked(null);
          }}
        >
          {VISA_STAGE_IDS.map((id) => (
            <option key={id} value={id}>
              {strings.stages[id]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.case.stageNote}>
        <Textarea maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} />
      </Field>
      {blocked ? (
        <section
          role="alert"
          aria-label={strings.case.documentsMissing}
          className="space-y-2 rounded-md border border-danger p-3"
        >
          <p className="text-sm font-medium">{strings.case.documentsMissing}</p>
          <ul className="list-disc pl-5 text-sm">
            {blocked.map((entry) => (
              <li key={entry.name}>
                {entry.name}: {strings.documents.states[entry.state] ?? strings.documents.states.missing}
              </li>
            ))}
          </ul>
          <Field label={strings.case.overrideNote}>
            <Textarea
              maxLength={1000}
              required
              value={overrideNote}
              onChange={(event) => setOverrideNote(event.target.value)}
            />
          </Field>
          {noteMissing ? <FormMessage tone="error">{strings.case.overrideNoteRequired}</FormMessage> : null}
          <div className="flex flex-wrap gap-2">
            <Button type="button" size="sm" onClick={advanceAnyway} loading={move.isPending}>
              {strings.case.advanceAnyway}
            </Button>
            <Button type="button" size="sm" variant="secondary" onClick={() => setBlocked(null)}>
              {strings.case.keepWaiting}
            </Button>
          </div>
        </section>
      ) : null}
      <Button type="submit" size="sm" disabled={same} loading={move.isPending}>
        {strings.case.move}
      </Button>
      {same ? <p className="text-xs text-muted">{strings.case.sameStage}</p> : null}
    </form>
  );
}
