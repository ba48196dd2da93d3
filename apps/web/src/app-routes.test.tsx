import { act, render, screen, within } from "@testing-library/react";
import { UNSAFE_createMemoryHistory as createMemoryHistory, Outlet, type RouteObject } from "react-router";
import { describe, expect, it } from "vitest";
import { AppProviders } from "./app-providers.tsx";
import { App, appRootRoutes, signedOutRoutes } from "./router.tsx";
import { createTestApp } from "./test/mock-providers.tsx";
import { setupTestServer } from "./test/mock-server.ts";

const { store } = setupTestServer();

// The real route table under a test root: the same lazy modules, the test's providers in place of the app root.
async function renderApp(path: string) {
  const app = createTestApp();
  const routes: RouteObject[] = [
    {
      element: (
        <AppProviders client={app.client} queryClient={app.queryClient} i18n={app.i18n}>
          <Outlet />
        </AppProviders>
      ),
      children: [...signedOutRoutes, ...appRootRoutes],
    },
  ];
  const history = createMemoryHistory({ initialEntries: [path], v5Compat: true });
  // Awaited: a first render that suspends on `use()` (the signed-out route's check) is retried only then.
  await act(async () => {
    render(<App history={history} routes={routes} />);
  });
  return history;
}

describe("app routes", () => {
  it("shows the dashboard with the visa stages, current stage marked, beside the referrals", async () => {
    store.signedIn = true;
    await renderApp("/");
    const stages = await screen.findByRole(
      "list",
      { name: "Visa application progress" },
      { timeout: 10_000 },
    );
    expect(within(stages).getAllByRole("listitem")).toHaveLength(5);
    const current = within(stages)
      .getAllByRole("listitem")
      .find((item) => item.getAttribute("aria-current") === "step");
    expect(current).toHaveTextContent("In progress");
    expect(screen.getByRole("heading", { name: "What happens next" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Your referrals" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Skip to main content" })).toHaveAttribute("href", "#main");
  });

  it("sends a signed-out visitor to sign in, remembering where they were going", async () => {
    store.signedIn = false;
    const history = await renderApp("/referrals");
    expect(await screen.findByRole("heading", { name: "Sign in" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(history.location.pathname).toBe("/sign-in");
    expect(history.location.search).toBe("?next=%2Freferrals");
  });

  it("sends someone already signed in from the sign-in page on to where they were heading", async () => {
    store.signedIn = true;
    const history = await renderApp("/sign-in?next=%2Freferrals");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Referrals" }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(history.location.pathname).toBe("/referrals");
    expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();
  });

  it("shows the not-found page at an unknown address", async () => {
    store.signedIn = false;
    await renderApp("/no-such-page");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Page not found" }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it("prefills the referral code from a share link on sign up", async () => {
    store.signedIn = false;
    await renderApp("/signup?ref=abc123xy");
    expect(await screen.findByLabelText("Referral code", {}, { timeout: 10_000 })).toHaveValue("ABC123XY");
  });
});
