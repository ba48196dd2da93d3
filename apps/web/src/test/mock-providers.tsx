import type { ApiClient } from "@referral-app/api-client/client";
import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { createQueryClient } from "@referral-app/api-client/react";
import type { QueryClient } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { createWebApiClient } from "../api.ts";
import { AppProviders, queryClientOptions } from "../app-providers.tsx";
import { initI18n } from "../i18n/i18n.ts";
import { enSignedOut } from "../i18n/locales/en-signed-out.ts";
import type { Monitor } from "../monitoring/monitor.ts";
import { SignedOutStringsProvider } from "../signed-out/signed-out-strings.tsx";

export interface TestApp {
  client: ApiClient;
  queryClient: QueryClient;
  i18n: I18n;
}

/** A fresh client (no retries, MSW's base URL), query cache and English i18n for one test. */
export function createTestApp(): TestApp {
  return {
    client: createWebApiClient({ baseURL: MOCK_BASE_URL, retryAttempts: 0, timeout: 5000 }),
    queryClient: createQueryClient(queryClientOptions),
    i18n: initI18n("en").i18n,
  };
}

export interface MockProvidersProps {
  children: ReactNode;
  app?: TestApp;
  monitor?: Monitor | null;
  /** The memory router's starting URL. */
  route?: string;
}

/** The seed's MockProviders: the app's real providers (and the signed-out pages' words), talking to the MSW mock API. */
export function MockProviders({ children, app, monitor = null, route = "/" }: MockProvidersProps) {
  const { client, queryClient, i18n } = app ?? createTestApp();
  return (
    <AppProviders client={client} queryClient={queryClient} i18n={i18n} monitor={monitor}>
      <SignedOutStringsProvider initial={{ language: "en", strings: enSignedOut }}>
        <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      </SignedOutStringsProvider>
    </AppProviders>
  );
}
