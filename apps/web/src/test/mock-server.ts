import { createMockStore, type MockStore } from "@referral-app/api-client/mocks";
import { setupMockServer } from "@referral-app/api-client/mocks/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** Starts MSW for the calling test file; unhandled requests fail the test. */
export function setupTestServer(options: { signedIn?: boolean } = {}) {
  const store: MockStore = createMockStore({ signedIn: options.signedIn ?? true });
  const server = setupMockServer({ store });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { server, store };
}
