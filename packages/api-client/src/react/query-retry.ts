import { ApiError } from "../api-error.ts";

/**
 * A `retry` for the app's QueryClient: the ApiClient already retried transient failures,
 * so the query layer retries once more only when the outcome was unknown, never on a 4xx.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.isOutcomeUnknown && failureCount < 1;
  return failureCount < 1;
}
