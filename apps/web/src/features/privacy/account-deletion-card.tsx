import { useAccountDeletion, useChangeAccountDeletion } from "@referral-app/api-client/react/privacy-hooks";
import type { LegalHold } from "@referral-app/shared/schemas/privacy";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { Dialog } from "@referral-app/ui/dialog";
import { Field, FormMessage, Input } from "@referral-app/ui/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";

function Holds({ holds }: { holds: LegalHold[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{t("privacy.keptTitle")}</p>
      {holds.length === 0 ? (
        <p className="text-muted">{t("privacy.keptNothing")}</p>
      ) : (
        <ul className="list-disc space-y-1 ps-5">
          {holds.map((hold) => (
            <li key={hold.kind}>
              {hold.kept}. <span className="text-muted">{hold.reason}</span>
              {hold.until ? (
                <span className="text-muted">
                  {" "}
                  {t("privacy.keptUntil", { date: format.date(hold.until) })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Delete my account": typed confirmation, 30 days to change one's mind, what a legal hold keeps. */
export function AccountDeletionCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const deletion = useAccountDeletion();
  const change = useChangeAccountDeletion();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const scheduled = deletion.data?.state === "scheduled";
  const inThirtyDays = format.date(new Date(Date.now() + 30 * 86_400_000));
  const word = t("privacy.deleteConfirmWord");
  return (
    <Card title={t("privacy.deleteTitle")} description={t("privacy.deleteDescription")}>
      <div className="space-y-3">
        {scheduled ? (
          <p role="status" className="text-sm font-medium">
            {t("privacy.deleteScheduled", { date: format.date(deletion.data!.scheduledFor!) })}
          </p>
        ) : null}
        {deletion.data ? <Holds holds={deletion.data.holds} /> : null}
        {change.error ? <FormMessage>{apiErrorMessage(change.error, t)}</FormMessage> : null}
        {scheduled ? (
          <Button variant="secondary" loading={change.isPending} onClick={() => change.mutate("cancel")}>
            {t("privacy.deleteCancel")}
          </Button>
        ) : (
          <Dialog
            open={open}
            onOpenChange={(next) => {
              setOpen(next);
              setTyped("");
            }}
            title={t("privacy.deleteConfirmTitle")}
            description={t("privacy.deleteConfirmText", { date: inThirtyDays })}
            closeLabel={t("app.close", { defaultValue: "Close" })}
            trigger={<Button variant="danger">{t("privacy.deleteRequest")}</Button>}
            footer={
              <Button
                variant="danger"
                disabled={typed.trim().toUpperCase() !== word}
                loading={change.isPending}
                onClick={() => change.mutate("request", { onSuccess: () => setOpen(false) })}
              >
                {t("privacy.deleteConfirm")}
              </Button>
            }
          >
            <Field label={t("privacy.deleteConfirmLabel")}>
              <Input autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
            </Field>
          </Dialog>
        )}
      </div>
    </Card>
  );
}
