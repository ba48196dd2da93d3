import { API_ENVIRONMENTS, type ApiEnvironment } from "@referral-app/api-client/factory";
import Constants from "expo-constants";
import { defaultApiUrl } from "./default-api-url";

export interface AppExtra {
  appEnv?: string;
  apiUrl?: unknown;
  webHost?: string;
}

export interface ApiConfig {
  environment: ApiEnvironment;
  /** Undefined: the factory's URL for the environment. */
  baseURL: string | undefined;
}

function isApiEnvironment(value: unknown): value is ApiEnvironment {
  return typeof value === "string" && (API_ENVIRONMENTS as readonly string[]).includes(value);
}

/**
 * The seed's per-environment configuration: `extra.appEnv` picks the ApiClientFactory preset and the
 * base URL comes from, in order, EXPO_PUBLIC_API_URL, `extra.apiUrl`, the platform default.
 */
export function resolveApiConfig(
  extra: AppExtra | undefined,
  envUrl: string | undefined = process.env.EXPO_PUBLIC_API_URL,
): ApiConfig {
  const environment = isApiEnvironment(extra?.appEnv) ? extra.appEnv : "development";
  const configured = typeof extra?.apiUrl === "string" ? extra.apiUrl : undefined;
  const baseURL = envUrl || configured || defaultApiUrl();
  return { environment, baseURL: baseURL || undefined };
}

export function appExtra(): AppExtra | undefined {
  return Constants.expoConfig?.extra as AppExtra | undefined;
}
