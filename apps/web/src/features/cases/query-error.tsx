import { Button } from "@referral-app/ui/button";
import { FormMessage } from "@referral-app/ui/form";
import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../../forms/api-error-message.ts";

/** A failed query in words, with a retry. */
export function QueryError({ query }: { query: { error: unknown; refetch: () => unknown } }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <FormMessage>{apiErrorMessage(query.error, t)}</FormMessage>
      <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
