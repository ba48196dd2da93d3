import { isApiError } from "@referral-app/api-client/errors";

export interface ErrorMessageStrings {
  genericError: string;
  networkError: string;
  originNotAllowed: string;
  rateLimited: (seconds: number) => string;
}

/** The sentence for a failure: the server's own message for 4xx, a generic one otherwise. */
export function createErrorMessage(strings: ErrorMessageStrings): (error: unknown) => string {
  return (error) => {
    if (isApiError(error)) {
      if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return strings.networkError;
      if (error.code === "ORIGIN_NOT_ALLOWED") return strings.originNotAllowed;
      if (error.code === "RATE_LIMITED") return strings.rateLimited(error.retryAfterSeconds ?? 60);
      if (error.status >= 400 && error.status < 500) return error.message;
    }
    return strings.genericError;
  };
}
