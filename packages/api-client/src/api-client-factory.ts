import { ApiClient, type ApiClientConfig } from "./api-client.ts";

export const API_ENVIRONMENTS = ["development", "staging", "production"] as const;
export type ApiEnvironment = (typeof API_ENVIRONMENTS)[number];

// The seed's three configurations; the backend now serves /api on port 3000 in development.
const CONFIGS: Record<ApiEnvironment, ApiClientConfig> = {
  development: { baseURL: "http://localhost:3000/api", timeout: 10_000, retryAttempts: 3, retryDelay: 1000 },
  staging: {
    baseURL: "https://staging-api.company.com/api",
    timeout: 15_000,
    retryAttempts: 3,
    retryDelay: 1000,
  },
  production: { baseURL: "https://api.company.com/api", timeout: 20_000, retryAttempts: 5, retryDelay: 2000 },
};

export const ApiClientFactory = {
  /** The environment's configuration with `overrides` applied (URLs, token storage, callbacks…). */
  config(environment: ApiEnvironment, overrides: Partial<ApiClientConfig> = {}): ApiClientConfig {
    const base = CONFIGS[environment] ?? CONFIGS.development;
    return { ...base, ...overrides };
  },

  create(environment: ApiEnvironment, overrides: Partial<ApiClientConfig> = {}): ApiClient {
    return new ApiClient(ApiClientFactory.config(environment, overrides));
  },
};

/** What a Vite app knows about where it runs: `import.meta.env`. */
export interface BrowserAppEnv {
  PROD: boolean;
  /** Where the API lives; unset means same-origin `/api`. */
  VITE_API_URL?: string;
}

/** A browser app's client: same-origin `/api` with the cookie session (the backend serves the apps). */
export function createBrowserApiClient(
  env: BrowserAppEnv,
  overrides: Partial<ApiClientConfig> = {},
): ApiClient {
  return ApiClientFactory.create(env.PROD ? "production" : "development", {
    baseURL: env.VITE_API_URL ?? "/api",
    credentials: "include",
    timeout: 20_000,
    retryAttempts: 2,
    retryDelay: 500,
    ...overrides,
  });
}
