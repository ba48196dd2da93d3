import { useSetDocumentSharing } from "@referral-app/api-client/react";
import type { CaseChecklist } from "@referral-app/shared/schemas/document";
import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Sharing = NonNullable<CaseChecklist["sharing"]>;

/**
 * The client's choice to share the case's documents with the partner that referred them. Sharing
 * needs an explicit agreement (the server records the consent, and its withdrawal, with the time).
 */
export function DocumentSharing({ caseId, sharing }: { caseId: string; sharing: Sharing }) {
  const { t } = useTranslation();
  const setSharing = useSetDocumentSharing(caseId);
  const [agreed, setAgreed] = useState(false);
  const partner = sharing.partnerName;
  const agreeId = `share-agree-${caseId}`;
  return (
    <section aria-labelledby={`share-title-${caseId}`} className="rounded-lg border border-border p-3">
      <h3 id={`share-title-${caseId}`} className="text-sm font-semibold">
        {t("documents.sharing.title", { partner })}
      </h3>
      {sharing.shared ? (
        <>
          <p className="mt-1 text-sm" role="status">
            {t("documents.sharing.shared", { partner })}
          </p>
          <Button
            className="mt-2"
            size="sm"
            variant="secondary"
            loading={setSharing.isPending}
            onClick={() => setSharing.mutate(false, { onSuccess: () => setAgreed(false) })}
          >
            {t("documents.sharing.stop")}
          </Button>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">{t("documents.sharing.explain", { partner })}</p>
          <div className="mt-2 flex items-start gap-2">
            <input
              id={agreeId}
              type="checkbox"
              className="mt-1"
              checked={agreed}
              onChange={(event) => setAgreed(event.target.checked)}
            />
            <label htmlFor={agreeId} className="text-sm">
              {t("documents.sharing.consent", { partner })}
            </label>
          </div>
          <Button
            className="mt-2"
            size="sm"
            disabled={!agreed}
            loading={setSharing.isPending}
            onClick={() => setSharing.mutate(true)}
          >
            {t("documents.sharing.share", { partner })}
          </Button>
        </>
      )}
      {setSharing.error ? <FormMessage tone="error">{t("documents.sharing.failed")}</FormMessage> : null}
    </section>
  );
}
