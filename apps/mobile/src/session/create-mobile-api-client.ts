import type { ApiClient, ApiClientConfig } from "@referral-app/api-client/client";
import { ApiClientFactory } from "@referral-app/api-client/factory";
import { type ApiConfig, appExtra, resolveApiConfig } from "../config/api-config";
import type { SessionToken } from "./session-token";

export interface MobileApiClientOptions {
  sessionToken: SessionToken;
  onSignOut: () => void;
  config?: ApiConfig;
  /** Anything else for the factory (tests pass a fake fetch and short retry delays). */
  overrides?: Partial<ApiClientConfig>;
}

/** ApiClientFactory with the device's bearer token; better-auth bearer sessions need no refresh call. */
export function createMobileApiClient(options: MobileApiClientOptions): ApiClient {
  const { environment, baseURL } = options.config ?? resolveApiConfig(appExtra());
  return ApiClientFactory.create(environment, {
    ...(baseURL ? { baseURL } : {}),
    ...options.overrides,
    getToken: () => options.sessionToken.get(),
    onSignOut: () => {
      void options.sessionToken.set(null);
      options.onSignOut();
    },
  });
}
