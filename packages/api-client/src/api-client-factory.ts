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
