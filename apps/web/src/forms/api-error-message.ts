import { isApiError } from "@referral-app/api-client/errors";
import type { TFunction } from "i18next";

/** A translated sentence for a failure nobody planned for specifically. */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT")) {
    return t("common.networkError");
  }
  return t("common.genericError");
}
