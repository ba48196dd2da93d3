import { createBrowserApiClient } from "@referral-app/api-client/factory";
import { createQueryClient } from "@referral-app/api-client/react";
import { Outlet } from "react-router";
import { AppProviders, queryClientOptions } from "./app-providers.tsx";

// The data layer in its own chunk, fetched right after the entry.
const client = createBrowserApiClient(import.meta.env);
const queryClient = createQueryClient(queryClientOptions);

export function Component() {
  return (
    <AppProviders client={client} queryClient={queryClient}>
      <Outlet />
    </AppProviders>
  );
}
