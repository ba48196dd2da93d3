import { isApiError } from "@referral-app/api-client/errors";
import type { TFunction } from "i18next";

/** A translated sentence for a failure whose cause the user can act on, or a generic one. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t("common.genericError");
  if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return t("common.networkError");
  if (error.code === "ORIGIN_NOT_ALLOWED") return t("common.originNotAllowed");
  if (error.code === "RATE_LIMITED")
    return t("common.rateLimited", { seconds: error.retryAfterSeconds ?? 60 });
  return t("common.genericError");
}
