import { useBulkChangeReferralStatus } from "@referral-app/api-client/react/admin-hooks";
import {
  REFERRAL_STATUS_TRANSITIONS,
  REFERRAL_STATUS_VALUES,
  type ReferralStatus,
} from "@referral-app/shared/constants";
import type { AdminReferral } from "@referral-app/shared/schemas/admin";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Field, FormMessage, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useId, useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

/** Moves every selected referral; the server skips those whose own transition is not allowed. */
export function BulkStatusBar({
  selected,
  onClear,
}: {
  selected: readonly AdminReferral[];
  onClear: () => void;
}) {
  const bulk = useBulkChangeReferralStatus();
  const { toast } = useToast();
  const selectId = useId();
  const [target, setTarget] = useState<ReferralStatus | "">("");
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  // Only targets at least one selected referral can reach.
  const reachable = REFERRAL_STATUS_VALUES.filter((status) =>
    selected.some((item) => REFERRAL_STATUS_TRANSITIONS[item.status].includes(status)),
  );
  if (selected.length === 0) return null;

  const final = target === "converted" || target === "rejected";
  const send = () => {
    if (!target) return;
    bulk.mutate(
      {
        ids: selected.map((item) => item.id),
        status: target,
        ...(reason.trim() ? { internalNote: reason.trim() } : {}),
      },
      {
        onSettled: () => setConfirming(false),
        onSuccess: (result) => {
          toast({
            title: strings.bulk.result(result.updated, result.skipped),
            description: result.skipped > 0 ? strings.bulk.skippedHint : undefined,
            tone: result.updated > 0 ? "success" : "info",
          });
          setTarget("");
          setReason("");
          onClear();
        },
      },
    );
  };
  // Converting and rejecting are final: they are confirmed, and a rejection carries its reason.
  const apply = () => (final ? setConfirming(true) : send());

  return (
    <section
      aria-label={strings.bulk.moveTo}
      className="sticky top-0 z-10 mb-4 flex flex-wrap items-center gap-3 rounded-card border border-brand/40 bg-brand-soft p-3"
    >
      <p className="text-sm font-medium" aria-live="polite">
        {strings.bulk.selected(selected.length)}
      </p>
      <label htmlFor={selectId} className="text-sm">
        {strings.bulk.moveTo}
      </label>
      <Select
        id={selectId}
        className="h-9 w-auto"
        value={target}
        onChange={(event) => setTarget(event.target.value as ReferralStatus | "")}
      >
        <option value="">{strings.detail.choose}</option>
        {reachable.map((status) => (
          <option key={status} value={status}>
            {strings.statuses[status]}
          </option>
        ))}
      </Select>
      <Button size="sm" disabled={!target} loading={bulk.isPending} onClick={apply}>
        {strings.bulk.apply}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        {strings.bulk.clear}
      </Button>
      {bulk.error ? <FormMessage>{errorMessage(bulk.error)}</FormMessage> : null}
      {target && final ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={strings.bulk.confirmTitle(strings.statuses[target], selected.length)}
          description={strings.detail.confirmBody[target as "converted" | "rejected"]}
          confirmLabel={strings.detail.confirm(strings.statuses[target])}
          cancelLabel={strings.common.cancel}
          closeLabel={strings.common.close}
          danger={target === "rejected"}
          busy={bulk.isPending}
          confirmDisabled={target === "rejected" && !reason.trim()}
          onConfirm={send}
        >
          {target === "rejected" ? (
            <Field label={strings.detail.rejectReason} hint={strings.detail.rejectReasonHint} required>
              <Textarea maxLength={1000} value={reason} onChange={(event) => setReason(event.target.value)} />
            </Field>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
