import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { appRoutes } from "./router.tsx";
import "./index.css";

async function start() {
  // Mock mode is for `vite dev` only; the import disappears from production builds.
  if (import.meta.env.DEV && import.meta.env.VITE_MOCK === "1") {
    const { startMockWorker } = await import("@referral-app/api-client/mocks/browser");
    await startMockWorker({ baseURL: "/api" });
  }
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={createBrowserRouter(appRoutes)} />
    </StrictMode>,
  );
}

void start();
