import { createBrowserApiClient } from "@referral-app/api-client/factory";
import { createConsoleQueryClient } from "@referral-app/app-kit/console-providers";
import { Outlet } from "react-router";
import { AppProviders } from "./app-providers.tsx";

// The data layer in its own chunk, fetched right after the entry.
const client = createBrowserApiClient(import.meta.env);
const queryClient = createConsoleQueryClient();

export function Component() {
  return (
    <AppProviders client={client} queryClient={queryClient}>
      <Outlet />
    </AppProviders>
  );
}
