import { createBrowserApiClient } from "@referral-app/api-client/factory";
import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { createQueryClient } from "@referral-app/api-client/react";
import { consoleQueryClientOptions } from "@referral-app/app-kit/console-providers";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { AppProviders } from "../app-providers.tsx";

/** The app's real providers, a memory data router and a client pointed at the MSW handlers. */
export function renderPage(element: ReactNode, { route = "/", path = "*" } = {}) {
  const client = createBrowserApiClient(import.meta.env, {
    baseURL: MOCK_BASE_URL,
    retryAttempts: 0,
    timeout: 5000,
  });
  const queryClient = createQueryClient(consoleQueryClientOptions);
  const router = createMemoryRouter([{ path, element }], { initialEntries: [route] });
  return render(
    <AppProviders client={client} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}
