import type { ApiClient } from "@referral-app/api-client/client";
import { ApiProvider, createQueryClient, queryKeys } from "@referral-app/api-client/react";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n } from "i18next";
import { type ReactNode, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { SafeAreaProvider } from "react-native-safe-area-context";
import { createI18n } from "./i18n/i18n";
import { OutboxProvider } from "./offline/outbox-context";
import type { OutboxStorage } from "./offline/referral-outbox";
import { PreferencesBridge } from "./preferences-bridge";
import { createMobileApiClient } from "./session/create-mobile-api-client";
import { SessionToken } from "./session/session-token";

export interface AppProvidersProps {
  children: ReactNode;
  /** Tests pass their own; the app builds them from app config. */
  client?: ApiClient;
  sessionToken?: SessionToken;
  queryClient?: QueryClient;
  i18n?: i18n;
  outboxStorage?: OutboxStorage;
}

/** Everything a screen needs: query cache, API client + services, outbox, language, theme. */
export function AppProviders(props: AppProvidersProps) {
  const [queryClient] = useState(() => props.queryClient ?? createQueryClient());
  const [sessionToken] = useState(() => props.sessionToken ?? new SessionToken());
  const [client] = useState(
    () =>
      props.client ??
      createMobileApiClient({
        sessionToken,
        // The session is gone (token revoked or expired): show sign-in.
        onSignOut: () => queryClient.setQueryData(queryKeys.session.all, null),
      }),
  );
  const [i18nInstance] = useState(() => props.i18n ?? createI18n());
  const [onSessionToken] = useState(() => (token: string | null) => sessionToken.set(token));

  return (
    <SafeAreaProvider>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={client} onSessionToken={onSessionToken}>
          <I18nextProvider i18n={i18nInstance}>
            <PreferencesBridge>
              <OutboxProvider storage={props.outboxStorage}>{props.children}</OutboxProvider>
            </PreferencesBridge>
          </I18nextProvider>
        </ApiProvider>
      </QueryClientProvider>
    </SafeAreaProvider>
  );
}
