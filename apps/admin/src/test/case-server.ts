import {
  createHandlers,
  createMockStore,
  MOCK_BASE_URL,
  type MockStore,
} from "@referral-app/api-client/mocks";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

const url = (path: string) => `${MOCK_BASE_URL}/${path}`;

/**
 * The shared mock API (cases, staff, catalogue) signed in as a staff member or admin, plus the client
 * search the case form uses. Every mutating request is recorded as "METHOD path" with its body.
 */
export function setupCaseServer(options: { role?: "staff" | "admin" } = {}) {
  const server = setupServer();
  const ref: { store: MockStore; role: string; calls: { route: string; body: unknown }[] } = {
    store: createMockStore(),
    role: options.role ?? "staff",
    calls: [],
  };
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    ref.store = createMockStore();
    ref.role = options.role ?? "staff";
    ref.calls = [];
    server.use(
      http.all(url("*"), async ({ request }) => {
        if (request.method !== "GET")
          ref.calls.push({
            route: `${request.method} ${new URL(request.url).pathname.replace("/api/", "")}`,
            body: await request
              .clone()
              .json()
              .catch(() => undefined),
          });
        return undefined;
      }),
      http.get(url("auth/get-session"), () =>
        HttpResponse.json({
          session: { id: "s1", userId: "staff-1", expiresAt: "2099-01-01T00:00:00.000Z" },
          user: { id: "staff-1", email: "staff@demo.test", name: "Priya Shah", role: ref.role },
        }),
      ),
      http.get(url("admin/clients"), () =>
        HttpResponse.json({
          status: "success",
          data: [
            {
              id: ref.store.user.id,
              name: ref.store.user.name,
              email: ref.store.user.email,
              country: "AU",
              currentStage: "assessment",
              referrals: 8,
              createdAt: ref.store.user.createdAt,
            },
          ],
          nextCursor: null,
        }),
      ),
      // Staff read internal notes too (the shared mock answers as the client).
      http.get(url("cases/:id/notes"), ({ params }) =>
        HttpResponse.json({
          status: "success",
          data: ref.store.caseNotes.filter((note) => note.caseId === params.id),
        }),
      ),
      ...createHandlers({ store: ref.store }),
    );
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    get store() {
      return ref.store;
    },
    get calls() {
      return ref.calls;
    },
    /** Extra handlers for one test, ahead of the shared ones. */
    use: (...handlers: Parameters<typeof server.use>) => server.use(...handlers),
    setRole: (role: string) => {
      ref.role = role;
    },
  };
}
