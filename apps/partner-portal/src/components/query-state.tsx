import { isApiError } from "@referral-app/api-client/errors";
import { Button } from "@referral-app/ui/button";
import { EmptyState } from "@referral-app/ui/empty-state";
import { FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import type { ReactNode } from "react";
import { strings } from "../strings.ts";

/** The sentence for a failure: the server's own message for 4xx, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === "NETWORK_ERROR" || error.code === "TIMEOUT") return strings.common.networkError;
    if (error.status >= 400 && error.status < 500) return error.message;
  }
  return strings.common.genericError;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="space-y-3">
      <FormMessage>{errorMessage(error)}</FormMessage>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {strings.common.retry}
      </Button>
    </div>
  );
}

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading, error-with-retry and empty states around a query's content. */
export function QueryState({
  query,
  loadingLabel,
  empty,
  emptyTitle,
  children,
}: {
  query: QueryLike;
  loadingLabel: string;
  empty?: boolean;
  emptyTitle?: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <SkeletonList label={loadingLabel} lines={5} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty) return <EmptyState title={emptyTitle} />;
  return <>{children}</>;
}

export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
}: {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}) {
  if (!hasNextPage) return <p className="py-3 text-center text-sm text-muted">{strings.common.end}</p>;
  return (
    <div className="flex justify-center py-3">
      <Button variant="secondary" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {isFetchingNextPage ? strings.common.loadingMore : strings.common.loadMore}
      </Button>
    </div>
  );
}
