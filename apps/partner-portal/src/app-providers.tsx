import type { ApiClient } from "@referral-app/api-client/client";
import { isApiError } from "@referral-app/api-client/errors";
import { ApiProvider, queryKeys, shouldRetryQuery } from "@referral-app/api-client/react";
import { QueryStateProvider } from "@referral-app/ui/query-state";
import { ThemeProvider } from "@referral-app/ui/theme";
import { ToastProvider } from "@referral-app/ui/toast";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "./error-message.ts";
import { strings } from "./strings.ts";

/** A 401 anywhere means the session ended: clearing it sends the guard back to sign-in. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: 15_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
  });
  function onUnauthorized(error: unknown) {
    if (isApiError(error) && error.status === 401) queryClient.setQueryData(queryKeys.session.all, null);
  }
  return queryClient;
}

export interface AppProvidersProps {
  client: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders({ client, queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={client}>
        <ThemeProvider storageKey="referral-app.partners.theme">
          <ToastProvider closeLabel={strings.common.dismiss} label={strings.common.toasts}>
            <QueryStateProvider strings={strings.common} errorMessage={errorMessage}>
              {children}
            </QueryStateProvider>
          </ToastProvider>
        </ThemeProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}
