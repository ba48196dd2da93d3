import { startSignedOutOnSignIn } from "@referral-app/app-kit/signed-out-start";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { applyStoredLanguage } from "./language.ts";
import { adminRoutes } from "./router.tsx";
import "./index.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const basename = "/admin";
// The words are chosen before the first route module loads: those modules read them at load time.
void Promise.all([
  applyStoredLanguage(),
  startSignedOutOnSignIn(adminRoutes, { basename, apiBase: import.meta.env.VITE_API_URL ?? "/api" }),
]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={createBrowserRouter(adminRoutes, { basename })} />
    </StrictMode>,
  ),
);
