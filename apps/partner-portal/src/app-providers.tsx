import type { ApiClient } from "@referral-app/api-client/client";
import { ApiProvider, type QueryClientOptions } from "@referral-app/api-client/react";
import { QueryStateProvider } from "@referral-app/ui/query-state";
import { ThemeProvider } from "@referral-app/ui/theme";
import { ToastProvider } from "@referral-app/ui/toast";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "./error-message.ts";
import { strings } from "./strings.ts";

export const queryClientOptions: QueryClientOptions = { staleTime: 15_000 };

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
