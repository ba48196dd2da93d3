import type { ApiClient } from "@referral-app/api-client/client";
import { ApiProvider, type QueryClientOptions } from "@referral-app/api-client/react";
import { ThemeProvider } from "@referral-app/ui/theme";
import { ToastProvider } from "@referral-app/ui/toast";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { i18n as I18n } from "i18next";
import type { ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { Monitor } from "./monitoring/monitor.ts";
import { MonitorProvider } from "./monitoring/monitor-context.tsx";

/** A client's own data changes rarely and live events refresh what they touch: fresh for 30 s. */
export const queryClientOptions: QueryClientOptions = { staleTime: 30_000 };

function TranslatedToasts({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ToastProvider closeLabel={t("common.dismiss")} label={t("nav.notifications")}>
      {children}
    </ToastProvider>
  );
}

export interface AppProvidersProps {
  client: ApiClient;
  queryClient: QueryClient;
  i18n: I18n;
  monitor?: Monitor | null;
  children: ReactNode;
}

export function AppProviders({ client, queryClient, i18n, monitor = null, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={client}>
        <I18nextProvider i18n={i18n}>
          <MonitorProvider monitor={monitor}>
            <ThemeProvider>
              <TranslatedToasts>{children}</TranslatedToasts>
            </ThemeProvider>
          </MonitorProvider>
        </I18nextProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}
