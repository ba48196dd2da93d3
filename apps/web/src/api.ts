import type { ApiClient } from "@referral-app/api-client/client";
import { createBrowserApiClient } from "@referral-app/api-client/factory";

/** The client app's requests are small: give up on one attempt sooner than the staff tools do. */
export function createWebApiClient(overrides: Partial<ApiClient["config"]> = {}): ApiClient {
  return createBrowserApiClient(import.meta.env, { timeout: 15_000, ...overrides });
}
