import { isApiError } from "@referral-app/api-client/errors";
import { strings } from "./strings.ts";

/** The sentence for a failure: the server's own message for 4xx, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return strings.common.networkError;
    if (error.code === "ORIGIN_NOT_ALLOWED") return strings.common.originNotAllowed;
    if (error.code === "RATE_LIMITED") return strings.common.rateLimited(error.retryAfterSeconds ?? 60);
    if (error.status >= 400 && error.status < 500) return error.message;
  }
  return strings.common.genericError;
}
