import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { ErrorState, LoadMore, type QueryLike, QueryState, QueryStateProvider } from "./query-state.tsx";

const strings = {
  retry: "Try again",
  loadMore: "Load more",
  loadingMore: "Loading more…",
  end: "That's everything.",
};

function withProvider(children: ReactNode) {
  return (
    <QueryStateProvider strings={strings} errorMessage={(error) => `Failed: ${(error as Error).message}`}>
      {children}
    </QueryStateProvider>
  );
}

function query(overrides: Partial<QueryLike> = {}): QueryLike {
  return { isPending: false, isError: false, error: null, refetch: vi.fn(), ...overrides };
}

function renderState(state: QueryLike, empty = false) {
  return render(
    withProvider(
      <QueryState query={state} loadingLabel="Loading referrals" empty={empty} emptyTitle="No referrals yet.">
        <p>The list</p>
      </QueryState>,
    ),
  );
}

describe("QueryState", () => {
  it("announces loading", () => {
    renderState(query({ isPending: true }));
    expect(screen.getByRole("status")).toHaveTextContent("Loading referrals");
    expect(screen.queryByText("The list")).not.toBeInTheDocument();
  });

  it("shows the app's sentence for an error and retries on request", async () => {
    const failed = query({ isError: true, error: new Error("offline") });
    renderState(failed);
    expect(screen.getByRole("alert")).toHaveTextContent("Failed: offline");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(failed.refetch).toHaveBeenCalledOnce();
  });

  it("shows the empty title, else the content", () => {
    const { unmount } = renderState(query(), true);
    expect(screen.getByText("No referrals yet.")).toBeInTheDocument();
    unmount();
    renderState(query());
    expect(screen.getByText("The list")).toBeInTheDocument();
  });

  it("needs its provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => render(<ErrorState error={new Error("x")} onRetry={() => undefined} />)).toThrow(
      /QueryStateProvider/,
    );
    vi.restoreAllMocks();
  });
});

describe("LoadMore", () => {
  it("fetches the next page, says so while fetching, and ends the list", async () => {
    const fetchNextPage = vi.fn();
    const { rerender } = render(
      withProvider(<LoadMore hasNextPage isFetchingNextPage={false} fetchNextPage={fetchNextPage} />),
    );
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(fetchNextPage).toHaveBeenCalledOnce();
    rerender(withProvider(<LoadMore hasNextPage isFetchingNextPage fetchNextPage={fetchNextPage} />));
    expect(screen.getByRole("button", { name: /Loading more/ })).toBeInTheDocument();
    rerender(
      withProvider(<LoadMore hasNextPage={false} isFetchingNextPage={false} fetchNextPage={fetchNextPage} />),
    );
    expect(screen.getByText("That's everything.")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
