import {
  useReferrerVisibility,
  useUpdateReferrerVisibility,
} from "@referral-app/api-client/react/privacy-hooks";
import type { ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { VisibilityChoice } from "./visibility-choice.tsx";

/** Profile: change what the referrer sees (saved with PUT /api/users/me/referrer-visibility). */
export function ReferrerVisibilityCard() {
  const { t } = useTranslation();
  const visibility = useReferrerVisibility();
  const update = useUpdateReferrerVisibility();
  const [choice, setChoice] = useState<ReferrerVisibilityLevel | null>(null);
  const current = choice ?? visibility.data?.level ?? "signed_up";
  return (
    <Card title={t("privacy.visibilityTitle")} description={t("privacy.visibilityDescription")}>
      {!visibility.data ? (
        <SkeletonList label={t("app.loading")} lines={3} />
      ) : (
        <div className="space-y-3">
          {!visibility.data.referred ? (
            <p className="text-sm text-muted">{t("privacy.notReferred")}</p>
          ) : null}
          <VisibilityChoice value={current} onChange={setChoice} legend={t("privacy.visibilityLegend")} />
          {update.error ? <FormMessage>{apiErrorMessage(update.error, t)}</FormMessage> : null}
          <div className="flex items-center gap-3">
            <Button
              loading={update.isPending}
              disabled={current === visibility.data.level}
              onClick={() => update.mutate({ level: current }, { onSuccess: () => setChoice(null) })}
            >
              {t("privacy.save")}
            </Button>
            {update.isSuccess && choice === null ? (
              <span role="status" className="text-sm text-muted">
                {t("privacy.saved")}
              </span>
            ) : null}
          </div>
        </div>
      )}
    </Card>
  );
}
