import { Outlet } from "react-router";
import { createPartnerApiClient } from "./api.ts";
import { AppProviders, createQueryClient } from "./app-providers.tsx";

// The data layer in its own chunk, fetched right after the entry.
const client = createPartnerApiClient();
const queryClient = createQueryClient();

export function Component() {
  return (
    <AppProviders client={client} queryClient={queryClient}>
      <Outlet />
    </AppProviders>
  );
}
