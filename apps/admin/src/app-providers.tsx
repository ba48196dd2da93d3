import type { ApiClient } from "@referral-app/api-client/client";
import { ConsoleProviders } from "@referral-app/app-kit/console-providers";
import type { QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { errorMessage } from "./error-message.ts";
import { strings } from "./strings.ts";

export interface AppProvidersProps {
  client: ApiClient;
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders(props: AppProvidersProps) {
  return (
    <ConsoleProviders
      {...props}
      strings={strings}
      errorMessage={errorMessage}
      themeStorageKey="referral-app.admin.theme"
    />
  );
}
