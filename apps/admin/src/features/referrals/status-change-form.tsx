import { isApiError } from "@referral-app/api-client/errors";
import { useChangeReferralStatus } from "@referral-app/api-client/react/admin-hooks";
import { REFERRAL_STATUS_TRANSITIONS, type ReferralStatus } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { Field, Form, FormMessage, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** Offers only the moves REFERRAL_STATUS_TRANSITIONS allows from the current status. */
export function StatusChangeForm({ id, status }: { id: string; status: ReferralStatus }) {
  const allowed = REFERRAL_STATUS_TRANSITIONS[status];
  const change = useChangeReferralStatus();
  const { toast } = useToast();
  const [target, setTarget] = useState<ReferralStatus | "">("");
  const [internalNote, setInternalNote] = useState("");
  const [messageToReferrer, setMessageToReferrer] = useState("");
  const [missing, setMissing] = useState(false);

  if (allowed.length === 0) return <FormMessage tone="info">{strings.detail.final}</FormMessage>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setMissing(true);
      return;
    }
    change.mutate(
      {
        id,
        status: target,
        ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
        ...(messageToReferrer.trim() ? { messageToReferrer: messageToReferrer.trim() } : {}),
      },
      {
        onSuccess: (detail) => {
          toast({ title: strings.detail.updated(strings.statuses[detail.status]), tone: "success" });
          setTarget("");
          setInternalNote("");
          setMessageToReferrer("");
        },
      },
    );
  };

  const failure = change.error;
  return (
    <Form onSubmit={submit} aria-label={strings.detail.changeStatus}>
      {failure ? (
        <FormMessage>
          {isApiError(failure) && failure.code === "INVALID_TRANSITION"
            ? strings.detail.invalidTransition
            : errorMessage(failure)}
        </FormMessage>
      ) : null}
      <Field label={strings.detail.moveTo} error={missing ? strings.detail.choose : undefined} required>
        <Select
          value={target}
          onChange={(event) => {
            setTarget(event.target.value as ReferralStatus | "");
            setMissing(false);
          }}
        >
          <option value="">{strings.detail.choose}</option>
          {allowed.map((next) => (
            <option key={next} value={next}>
              {strings.statuses[next]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={strings.detail.internalNote} hint={strings.detail.internalNoteHint}>
        <Textarea
          maxLength={1000}
          value={internalNote}
          onChange={(event) => setInternalNote(event.target.value)}
        />
      </Field>
      <Field label={strings.detail.messageToReferrer} hint={strings.detail.messageToReferrerHint}>
        <Textarea
          maxLength={1000}
          value={messageToReferrer}
          onChange={(event) => setMessageToReferrer(event.target.value)}
        />
      </Field>
      <Button type="submit" loading={change.isPending}>
        {strings.detail.submit}
      </Button>
    </Form>
  );
}
