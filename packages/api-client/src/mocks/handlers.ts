import { trackEventsSchema } from "@referral-app/shared/schemas/analytics";
import { delay, http, type RequestHandler } from "msw";
import { authHandlers } from "./auth-handlers.ts";
import { caseAdminHandlers } from "./case-admin-handlers.ts";
import { caseHandlers } from "./case-handlers.ts";
import { invoiceHandlers } from "./invoice-handlers.ts";
import { messageHandlers } from "./message-handlers.ts";
import { createMockStore, type MockStore, type MockStoreOptions } from "./mock-store.ts";
import { notificationHandlers } from "./notification-handlers.ts";
import { payoutHandlers } from "./payout-handlers.ts";
import { referralHandlers } from "./referral-handlers.ts";
import { invalid, ok, readJson } from "./respond.ts";
import { userHandlers } from "./user-handlers.ts";

export { fixtureUuid } from "./case-fixtures.ts";
export { createFixtures, DEMO_PASSWORD, type Fixtures, fixtures } from "./fixtures.ts";
export { mockConversations } from "./message-handlers.ts";
export { createMockStore, type MockStore } from "./mock-store.ts";

/** The development API address; handlers match it unless told otherwise. */
export const MOCK_BASE_URL = "http://localhost:3000/api";

export interface MockHandlerOptions extends MockStoreOptions {
  /** Where the API lives: absolute in Node, may be relative (`/api`) in the browser. */
  baseURL?: string;
  /** Share a store between handler sets, or inspect it in tests. */
  store?: MockStore;
  /** Simulated latency in milliseconds (0 by default; try 300 in the browser). */
  latencyMs?: number;
}

/** MSW handlers for every endpoint the services call, backed by one in-memory store. */
export function createHandlers(options: MockHandlerOptions = {}): RequestHandler[] {
  const store = options.store ?? createMockStore(options);
  const root = (options.baseURL ?? MOCK_BASE_URL).replace(/\/+$/, "");
  const url = (path: string) => `${root}/${path}`;
  const latency = options.latencyMs ?? 0;
  const handlers: RequestHandler[] = [
    ...userHandlers(store, url),
    ...referralHandlers(store, url),
    ...notificationHandlers(store, url),
    ...authHandlers(store, url),
    ...caseHandlers(store, url),
    ...caseAdminHandlers(store, url),
    ...invoiceHandlers(store, url),
    ...payoutHandlers(store, url),
    ...messageHandlers(store, url),
    http.get(url("features"), () => ok(store.features)),
    http.post(url("analytics/events"), async ({ request }) => {
      const parsed = trackEventsSchema.safeParse(await readJson(request));
      return parsed.success ? ok({ accepted: parsed.data.events.length }, 202) : invalid(parsed.error);
    }),
  ];
  // Runs first and answers nothing, so the request falls through to its handler after the delay.
  if (latency > 0) handlers.unshift(http.all(url("*"), async () => void (await delay(latency))));
  return handlers;
}
