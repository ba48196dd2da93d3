import { isApiError } from "@referral-app/api-client/errors";
import { useChangeReferralStatus } from "@referral-app/api-client/react/admin-hooks";
import { REFERRAL_STATUS_TRANSITIONS, type ReferralStatus } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Field, Form, FormMessage, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { type FormEvent, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** Moves no referral ever comes back from: they ask once more before they happen. */
const FINAL: readonly ReferralStatus[] = ["converted", "rejected"];

/**
 * Offers only the moves REFERRAL_STATUS_TRANSITIONS allows from the current status. Rejecting needs a
 * reason (the API refuses one without); converting and rejecting are confirmed first.
 */
export function StatusChangeForm({
  id,
  name,
  status,
  onMoved,
}: {
  id: string;
  name: string;
  status: ReferralStatus;
  onMoved?: (status: ReferralStatus) => void;
}) {
  const allowed = REFERRAL_STATUS_TRANSITIONS[status];
  const change = useChangeReferralStatus();
  const { toast } = useToast();
  const [target, setTarget] = useState<ReferralStatus | "">("");
  const [internalNote, setInternalNote] = useState("");
  const [messageToReferrer, setMessageToReferrer] = useState("");
  const [missing, setMissing] = useState(false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (allowed.length === 0) return <FormMessage tone="info">{strings.detail.final}</FormMessage>;

  const rejecting = target === "rejected";
  const send = () => {
    if (!target) return;
    change.mutate(
      {
        id,
        status: target,
        ...(internalNote.trim() ? { internalNote: internalNote.trim() } : {}),
        ...(messageToReferrer.trim() ? { messageToReferrer: messageToReferrer.trim() } : {}),
      },
      {
        onSuccess: (detail) => {
          setConfirming(false);
          setTarget("");
          setInternalNote("");
          setMessageToReferrer("");
          toast({ title: strings.detail.updated(strings.statuses[detail.status]), tone: "success" });
          onMoved?.(detail.status);
        },
        onError: () => setConfirming(false),
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return setMissing(true);
    if (rejecting && !internalNote.trim()) return setReasonMissing(true);
    if (FINAL.includes(target)) setConfirming(true);
    else send();
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
            setReasonMissing(false);
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
      <Field
        label={rejecting ? strings.detail.rejectReason : strings.detail.internalNote}
        hint={rejecting ? strings.detail.rejectReasonHint : strings.detail.internalNoteHint}
        error={reasonMissing ? strings.detail.rejectReasonMissing : undefined}
        required={rejecting}
      >
        <Textarea
          maxLength={1000}
          value={internalNote}
          onChange={(event) => {
            setInternalNote(event.target.value);
            setReasonMissing(false);
          }}
        />
      </Field>
      <Field label={strings.detail.messageToReferrer} hint={strings.detail.messageToReferrerHint}>
        <Textarea
          maxLength={1000}
          value={messageToReferrer}
          onChange={(event) => setMessageToReferrer(event.target.value)}
        />
      </Field>
      <Button type="submit" loading={change.isPending && !confirming}>
        {strings.detail.submit}
      </Button>
      {target && FINAL.includes(target) ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={strings.detail.confirmTitle(strings.statuses[target], name)}
          description={strings.detail.confirmBody[target as "converted" | "rejected"]}
          confirmLabel={strings.detail.confirm(strings.statuses[target])}
          cancelLabel={strings.common.cancel}
          closeLabel={strings.common.close}
          danger={rejecting}
          busy={change.isPending}
          onConfirm={send}
        />
      ) : null}
    </Form>
  );
}
