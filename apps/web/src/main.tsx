import { signInPath } from "@referral-app/app-kit/sign-in-redirect";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The history react-router's <BrowserRouter> creates for itself (exported for routers of one's own).
import { UNSAFE_createBrowserHistory as createBrowserHistory, matchRoutes } from "react-router";
import { App, appRoutes } from "./router.tsx";
import { isSignedIn, rememberSignedOut } from "./signed-out/auth-request.ts";
import "./index.css";

/**
 * A signed-out visitor of the signed-in area starts on the sign-in page, before the router loads the
 * area's modules (every matched route module starts loading at once, so a later redirect comes too late).
 */
async function sendSignedOutVisitorToSignIn() {
  const matches = matchRoutes(appRoutes, window.location);
  if (!matches?.some((match) => match.route.id === "signed-in")) return;
  if ((await isSignedIn()) !== false) return;
  window.history.replaceState(null, "", signInPath(window.location));
  rememberSignedOut();
}

async function start() {
  // Mock mode is for `vite dev` only; the import disappears from production builds.
  if (import.meta.env.DEV && import.meta.env.VITE_MOCK === "1") {
    const { startMockWorker } = await import("@referral-app/api-client/mocks/browser");
    await startMockWorker({ baseURL: "/api" });
  }
  await sendSignedOutVisitorToSignIn();
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  createRoot(root).render(
    <StrictMode>
      <App history={createBrowserHistory({ v5Compat: true })} />
    </StrictMode>,
  );
}

void start();
