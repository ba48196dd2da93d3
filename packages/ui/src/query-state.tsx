import { createContext, type ReactNode, useContext } from "react";
import { Button } from "./button.tsx";
import { EmptyState } from "./empty-state.tsx";
import { FormMessage } from "./form.tsx";
import { SkeletonList } from "./skeleton.tsx";

export interface QueryStateStrings {
  retry: string;
  loadMore: string;
  loadingMore: string;
  /** Under the last page of a list. */
  end: string;
}

interface QueryStateContextValue {
  strings: QueryStateStrings;
  /** The sentence for a failed query; the app knows its API's errors. */
  errorMessage: (error: unknown) => string;
}

const QueryStateContext = createContext<QueryStateContextValue | null>(null);

/** Set once per app (with its providers): the words and the error sentences the states below use. */
export function QueryStateProvider({ children, ...value }: QueryStateContextValue & { children: ReactNode }) {
  return <QueryStateContext value={value}>{children}</QueryStateContext>;
}

function useQueryStateContext(): QueryStateContextValue {
  const value = useContext(QueryStateContext);
  if (!value) throw new Error("Query states need a QueryStateProvider above them");
  return value;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { strings, errorMessage } = useQueryStateContext();
  return (
    <div className="space-y-3">
      <FormMessage>{errorMessage(error)}</FormMessage>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {strings.retry}
      </Button>
    </div>
  );
}

/** What QueryState reads from a TanStack Query result. */
export interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface QueryStateProps {
  query: QueryLike;
  loadingLabel: string;
  empty?: boolean;
  emptyTitle?: ReactNode;
  children: ReactNode;
}

/** Loading, error-with-retry and empty states around a query's content. */
export function QueryState({ query, loadingLabel, empty, emptyTitle, children }: QueryStateProps) {
  if (query.isPending) return <SkeletonList label={loadingLabel} lines={5} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty) return <EmptyState title={emptyTitle} />;
  return <>{children}</>;
}

export interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The next page of an infinite query on request, or a line saying the list is complete. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage }: LoadMoreProps) {
  const { strings } = useQueryStateContext();
  if (!hasNextPage) return <p className="py-3 text-center text-sm text-muted">{strings.end}</p>;
  return (
    <div className="flex justify-center py-3">
      <Button variant="secondary" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
        {isFetchingNextPage ? strings.loadingMore : strings.loadMore}
      </Button>
    </div>
  );
}
