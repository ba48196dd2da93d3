import { useResolveReferralReview } from "@referral-app/api-client/react/privacy-hooks";
import type { ReferralReview } from "@referral-app/shared/schemas/privacy";
import { Button } from "@referral-app/ui/button";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, Select, Textarea } from "@referral-app/ui/form";
import { useToast } from "@referral-app/ui/toast";
import { useState } from "react";
import { errorMessage } from "../../error-message.ts";
import { reviewStrings as s } from "./review-strings.ts";

/** Valid or invalid, confirmed in a dialog; an invalid decision needs the reason the referrer reads. */
export function ResolveReviewDialog({ review }: { review: ReferralReview }) {
  const [open, setOpen] = useState(false);
  const [decision, setDecision] = useState<"valid" | "invalid">("valid");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const resolve = useResolveReferralReview();
  const { toast } = useToast();
  const submit = async () => {
    if (decision === "invalid" && !reason.trim()) {
      setError(s.reasonRequired);
      return;
    }
    try {
      await resolve.mutateAsync({
        id: review.id,
        decision,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      toast({ title: s.done, tone: "success" });
      setOpen(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={s.resolveTitle}
      description={s.resolveDescription(review.referral.fullName)}
      closeLabel={s.close}
      trigger={<Button size="sm">{s.resolve}</Button>}
      footer={
        <>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {s.cancel}
          </Button>
          <Button
            variant={decision === "invalid" ? "danger" : "primary"}
            loading={resolve.isPending}
            onClick={() => void submit()}
          >
            {s.confirm}
          </Button>
        </>
      }
    >
      <div className="grid gap-4">
        <Field label={s.decision}>
          <Select
            value={decision}
            onChange={(event) => {
              setDecision(event.target.value as "valid" | "invalid");
              setError(null);
            }}
          >
            <option value="valid">{s.valid}</option>
            <option value="invalid">{s.invalid}</option>
          </Select>
        </Field>
        <Field label={s.reasonLabel} error={error ?? undefined} required={decision === "invalid"}>
          <Textarea
            maxLength={1000}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setError(null);
            }}
          />
        </Field>
      </div>
    </Dialog>
  );
}
