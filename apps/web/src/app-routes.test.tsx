import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, Outlet, type RouteObject, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { AppProviders } from "./app-providers.tsx";
import { appRootRoutes, signedOutRoutes } from "./router.tsx";
import { createTestApp } from "./test/mock-providers.tsx";
import { setupTestServer } from "./test/mock-server.ts";

const { store } = setupTestServer();

// The real route table under a test root: the same lazy modules, the test's providers in place of the app root.
function renderApp(path: string) {
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
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

describe("app routes", () => {
  it("shows the dashboard with the visa stages, current stage marked, beside the referrals", async () => {
    store.signedIn = true;
    renderApp("/");
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
    const router = renderApp("/referrals");
    expect(await screen.findByRole("heading", { name: "Sign in" }, { timeout: 10_000 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toBe("?next=%2Freferrals");
  });

  it("prefills the referral code from a share link on sign up", async () => {
    store.signedIn = false;
    renderApp("/signup?ref=abc123xy");
    expect(await screen.findByLabelText("Referral code", {}, { timeout: 10_000 })).toHaveValue("ABC123XY");
  });
});
