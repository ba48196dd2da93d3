import { setupWorker } from "msw/browser";
import { createHandlers, type MockHandlerOptions } from "./handlers.ts";

/** Starts the service worker for offline front-end work (`npx msw init public` once per app). */
export async function startMockWorker(options: MockHandlerOptions = {}) {
  const worker = setupWorker(...createHandlers({ baseURL: "/api", latencyMs: 300, ...options }));
  await worker.start({ onUnhandledRequest: "bypass" });
  return worker;
}
