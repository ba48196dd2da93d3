import { type RewardAction, useRewardAction } from "@referral-app/api-client/react/admin-hooks";
import { formatCurrency } from "@referral-app/shared/formatting";
import type { RewardEntry } from "@referral-app/shared/schemas/rewards";
import { Button } from "@referral-app/ui/button";
import { ConfirmDialog } from "@referral-app/ui/confirm-dialog";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, FormMessage, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { strings } from "../../strings.ts";

function ReverseDialog({
  entry,
  run,
}: {
  entry: RewardEntry;
  run: (change: RewardAction) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      setError(strings.rewards.reasonRequired);
      return;
    }
    setBusy(true);
    try {
      await run({ id: entry.id, action: "reverse", reason: reason.trim() });
      setOpen(false);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={strings.rewards.reverseTitle}
      description={`${entry.userName} · ${entry.referralName}`}
      closeLabel={strings.common.close}
      trigger={
        <Button size="sm" variant="danger">
          {strings.rewards.reverse}
        </Button>
      }
      footer={
        <>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {strings.common.cancel}
          </Button>
          <Button variant="danger" loading={busy} onClick={() => void submit()}>
            {strings.rewards.reverse}
          </Button>
        </>
      }
    >
      <Field label={strings.rewards.reason} error={error ?? undefined} required>
        <Textarea
          maxLength={500}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setError(null);
          }}
        />
      </Field>
    </Dialog>
  );
}

/** Paying is final (money has left): it is confirmed with who and how much. */
function MarkPaidButton({
  entry,
  run,
}: {
  entry: RewardEntry;
  run: (change: RewardAction) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await run({ id: entry.id, action: "mark-paid" });
      setOpen(false);
    } catch {
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {strings.rewards.markPaid}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={strings.rewards.markPaidTitle(
          formatCurrency(entry.amountMinor, entry.currency),
          entry.userName,
        )}
        description={strings.rewards.markPaidBody}
        confirmLabel={strings.rewards.markPaidConfirm}
        cancelLabel={strings.common.cancel}
        closeLabel={strings.common.close}
        busy={busy}
        onConfirm={() => void confirm()}
      />
    </>
  );
}

/** The ledger moves: approve (after the holding period), mark paid, reverse with a reason. */
export function RewardActions({ entry, now = Date.now() }: { entry: RewardEntry; now?: number }) {
  const action = useRewardAction();
  const { toast } = useToast();
  const run = (change: RewardAction) =>
    action.mutateAsync(change).then((result) => {
      toast({ title: strings.rewards.done, tone: "success" });
      return result;
    });
  const held = new Date(entry.availableAt).getTime() > now;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {entry.status === "pending" ? (
        <Button
          size="sm"
          disabled={held}
          title={held ? strings.rewards.holding : undefined}
          loading={action.isPending && action.variables?.action === "approve"}
          onClick={() => void run({ id: entry.id, action: "approve" }).catch(() => undefined)}
        >
          {strings.rewards.approve}
        </Button>
      ) : null}
      {entry.status === "approved" ? <MarkPaidButton entry={entry} run={run} /> : null}
      {entry.status === "pending" || entry.status === "approved" ? (
        <ReverseDialog entry={entry} run={run} />
      ) : null}
      {held && entry.status === "pending" ? (
        <span className="text-xs text-muted">{strings.rewards.holding}</span>
      ) : null}
      {action.error && action.variables?.action !== "reverse" ? (
        <FormMessage>{errorMessage(action.error)}</FormMessage>
      ) : null}
    </div>
  );
}
