import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api-error.ts";
import { queryKeys } from "./query-keys.ts";

/**
 * The ApiClient already retried transient failures, so the query layer retries once more only when
 * the outcome was unknown, never on a 4xx.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError) return error.isOutcomeUnknown && failureCount < 1;
  return failureCount < 1;
}

export interface QueryClientOptions {
  /** How long fetched data counts as fresh, in ms; TanStack's default 0 refetches on every mount. */
  staleTime?: number;
}

/** One QueryClient per app: a 401 anywhere means the session ended, so clearing it shows sign-in. */
export function createQueryClient({ staleTime = 0 }: QueryClientOptions = {}): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
  });
  function onUnauthorized(error: unknown) {
    if (error instanceof ApiError && error.status === 401)
      queryClient.setQueryData(queryKeys.session.all, null);
  }
  return queryClient;
}
