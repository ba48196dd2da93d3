import { MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import type { PartnerImportResult } from "@referral-app/shared/schemas/partners";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

const url = (path: string) => `${MOCK_BASE_URL}/${path}`;
const ok = <T>(data: T, status = 200) => HttpResponse.json({ status: "success", data }, { status });

export const IMPORT_RESULT: PartnerImportResult = {
  importId: "imp-1",
  rows: 3,
  imported: 2,
  failed: 1,
  errors: [{ row: 4, code: "VALIDATION_ERROR", fields: { email: ["Enter a valid email address"] } }],
  duplicateFile: false,
  fileName: "leads.csv",
  createdAt: "2026-03-02T10:00:00.000Z",
};

export interface PartnerMockState {
  uploads: { contentType: string | null; fileName: string | null; body: string }[];
}

export function partnerHandlers(state: PartnerMockState) {
  return [
    http.get(url("auth/get-session"), () =>
      HttpResponse.json({
        session: { id: "s1", userId: "u-partner", expiresAt: "2099-01-01T00:00:00.000Z" },
        user: { id: "u-partner", email: "partner@example.com", name: "Pat Partner", role: "partner" },
      }),
    ),
    http.get(url("partners/imports"), () => ok([])),
    http.post(url("partners/referrals/import"), async ({ request }) => {
      state.uploads.push({
        contentType: request.headers.get("content-type"),
        fileName: new URL(request.url).searchParams.get("fileName"),
        body: await request.text(),
      });
      return ok(IMPORT_RESULT, 201);
    }),
  ];
}

export function setupPartnerServer() {
  const server = setupServer();
  const ref = { state: { uploads: [] } as PartnerMockState };
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    ref.state = { uploads: [] };
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return {
    get state() {
      return ref.state;
    },
    use: () => server.use(...partnerHandlers(ref.state)),
    server,
  };
}
