import type { ApiClient } from "@referral-app/api-client/client";
import { ApiClientFactory } from "@referral-app/api-client/factory";

/** Same-origin `/api` with the cookie session (the backend serves this app at /partners). */
export function createPartnerApiClient(overrides: Partial<ApiClient["config"]> = {}): ApiClient {
  return ApiClientFactory.create(import.meta.env.PROD ? "production" : "development", {
    baseURL: import.meta.env.VITE_API_URL ?? "/api",
    credentials: "include",
    timeout: 20_000,
    retryAttempts: 2,
    retryDelay: 500,
    ...overrides,
  });
}
