import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ComponentType } from "react";
import {
  UNSAFE_createMemoryHistory as createMemoryHistory,
  Link,
  Outlet,
  type RouteObject,
} from "react-router";
import { describe, expect, it } from "vitest";
import { App } from "../router.tsx";
import { lazyRoute } from "./lazy-route.tsx";
import { RouteErrorBoundary } from "./route-error-boundary.tsx";
import { useNavigationPending } from "./transition-router.tsx";

function deferredModule() {
  let resolve = (_module: { Component: ComponentType }) => {};
  const promise = new Promise<{ Component: ComponentType }>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function SlowPage() {
  return <h1>Slow page</h1>;
}

// Every value the pending indicator took, in order.
let pendingSeen: boolean[] = [];

function Shell() {
  const pending = useNavigationPending();
  pendingSeen.push(pending);
  return (
    <div>
      {pending ? <p>Loading the next page</p> : null}
      <Link to="/">Home</Link> <Link to="/slow">Slow</Link> <Link to="/broken">Broken</Link>
      <RouteErrorBoundary fallback={(error) => <p role="alert">{(error as Error).message}</p>}>
        <Outlet />
      </RouteErrorBoundary>
    </div>
  );
}

function renderRoutes() {
  pendingSeen = [];
  const slow = deferredModule();
  const routes: RouteObject[] = [
    {
      element: <Shell />,
      children: [
        { index: true, element: <h1>Home page</h1> },
        { path: "slow", ...lazyRoute(() => slow.promise) },
        { path: "broken", ...lazyRoute(() => Promise.reject(new Error("The chunk is missing"))) },
      ],
    },
  ];
  const history = createMemoryHistory({ initialEntries: ["/"], v5Compat: true });
  render(<App history={history} routes={routes} />);
  return { history, slow };
}

describe("TransitionRouter with lazy routes", () => {
  it("keeps the page on screen, marked pending, while the next page's module loads", async () => {
    const { slow } = renderRoutes();
    await screen.findByRole("heading", { name: "Home page" });
    await userEvent.click(screen.getByRole("link", { name: "Slow" }));
    expect(await screen.findByText("Loading the next page")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Home page" })).toBeInTheDocument();
    await act(async () => slow.resolve({ Component: SlowPage }));
    expect(await screen.findByRole("heading", { name: "Slow page" })).toBeInTheDocument();
    expect(screen.queryByText("Loading the next page")).not.toBeInTheDocument();

    // Back to a page whose module is in: nothing to wait for, no pending indicator at all.
    pendingSeen = [];
    await userEvent.click(screen.getByRole("link", { name: "Home" }));
    await screen.findByRole("heading", { name: "Home page" });
    expect(pendingSeen).not.toContain(true);
  });

  it("shows a module that fails to load in the route's error boundary, and tries again on the next navigation", async () => {
    const { history } = renderRoutes();
    await screen.findByRole("heading", { name: "Home page" });
    await userEvent.click(screen.getByRole("link", { name: "Broken" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The chunk is missing");
    expect(screen.getByRole("link", { name: "Home" })).toBeInTheDocument();
    act(() => history.go(-1));
    expect(await screen.findByRole("heading", { name: "Home page" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });
});
