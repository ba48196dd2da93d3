import { useDataExports, useRequestDataExport } from "@referral-app/api-client/react/privacy-hooks";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";

const sizeOf = (bytes: number | null) =>
  bytes === null
    ? ""
    : bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

/** "Download my data": asks for an export, shows its progress, then the link while it lasts. */
export function DataExportCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const exports = useDataExports();
  const request = useRequestDataExport();
  const latest = exports.data?.[0];
  const busy = latest?.state === "queued" || latest?.state === "running";
  return (
    <Card title={t("privacy.exportTitle")} description={t("privacy.exportDescription")}>
      <div className="space-y-3">
        {latest ? (
          <div className="space-y-2" aria-live="polite">
            <p className="text-sm">
              {t(`privacy.exportStates.${latest.state}`)}{" "}
              <span className="text-muted">
                {t("privacy.exportRequested", { date: format.dateTime(latest.createdAt) })}
              </span>
            </p>
            {busy ? (
              // Indeterminate: the job reports no percentage, only that it is under way.
              <progress
                className="h-2 w-full accent-brand"
                aria-label={t(`privacy.exportStates.${latest.state}`)}
              />
            ) : null}
            {latest.downloadUrl ? (
              <p className="text-sm">
                <a className="font-medium text-brand underline" href={latest.downloadUrl} download>
                  {t("privacy.exportDownload", { size: sizeOf(latest.sizeBytes) })}
                </a>{" "}
                <span className="text-muted">
                  {t("privacy.exportExpires", { date: format.dateTime(latest.expiresAt!) })}
                </span>
              </p>
            ) : null}
          </div>
        ) : null}
        {request.error ? <FormMessage>{apiErrorMessage(request.error, t)}</FormMessage> : null}
        <Button
          variant="secondary"
          loading={request.isPending}
          disabled={busy}
          onClick={() => request.mutate()}
        >
          {t("privacy.exportRequest")}
        </Button>
      </div>
    </Card>
  );
}
