import { setupServer } from "msw/node";
import { createHandlers, type MockHandlerOptions } from "./handlers.ts";

/** An MSW server with every handler, for vitest: listen in beforeAll, resetHandlers in afterEach. */
export function setupMockServer(options: MockHandlerOptions = {}): ReturnType<typeof setupServer> {
  return setupServer(...createHandlers(options));
}
