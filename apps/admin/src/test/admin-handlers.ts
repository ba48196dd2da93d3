import { fixtures, MOCK_BASE_URL } from "@referral-app/api-client/mocks";
import { REFERRAL_STATUS_TRANSITIONS, type ReferralStatus } from "@referral-app/shared/constants";
import type { AdminReferral } from "@referral-app/shared/schemas/admin";
import type { Broadcast, CreateBroadcastData } from "@referral-app/shared/schemas/broadcasts";
import type { FeatureFlag } from "@referral-app/shared/schemas/features";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

const url = (path: string) => `${MOCK_BASE_URL}/${path}`;
const ok = <T>(data: T, status = 200) => HttpResponse.json({ status: "success", data }, { status });
const NOW = "2026-03-02T10:00:00.000Z";

export function referral(
  id: string,
  fullName: string,
  status: ReferralStatus,
  overdue = false,
): AdminReferral {
  return {
    id,
    referrerId: "u-client",
    referrerName: "Demo Client",
    referrerEmail: "client@example.com",
    fullName,
    email: `${id}@example.com`,
    phone: null,
    country: "GB",
    relationship: "friend",
    visaInterest: "work",
    notes: "Prefers email",
    status,
    source: "client",
    partnerOrganizationId: null,
    referredUserId: null,
    reward: null,
    contactBy: NOW,
    contactOverdue: overdue,
    caseId: null,
    friend: null,
    review: null,
    overdue,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

export interface AdminMockState {
  referrals: AdminReferral[];
  flags: FeatureFlag[];
  broadcasts: Broadcast[];
  role: string;
  /** What `GET conversations/unread-count` answers (the Messages nav badge). */
  unreadMessages: number;
  /** Every mutating request body, by "METHOD path". */
  calls: { route: string; body: unknown }[];
}

export function createAdminState(): AdminMockState {
  return {
    referrals: [
      referral("r1", "Ada Pending", "pending", true),
      referral("r2", "Bo Contacted", "contacted"),
      referral("r3", "Cy Qualified", "qualified"),
      referral("r4", "Di Converted", "converted"),
    ],
    flags: [
      { key: "referral-analytics", description: "Charts", enabled: false, roles: null, updatedAt: NOW },
      { key: "advanced-filters", description: "Filters", enabled: true, roles: ["staff"], updatedAt: NOW },
    ],
    broadcasts: [],
    role: "staff",
    unreadMessages: 0,
    calls: [],
  };
}

function detail(item: AdminReferral) {
  const { referrerName: _name, referrerEmail: _email, overdue: _overdue, ...rest } = item;
  return { ...rest, history: [] };
}

export function adminHandlers(state: AdminMockState) {
  const record = async (route: string, request: Request) => {
    const body = await request.json().catch(() => undefined);
    state.calls.push({ route, body });
    return body as Record<string, unknown>;
  };
  return [
    http.get(url("auth/get-session"), () =>
      HttpResponse.json({
        session: { id: "s1", userId: "u-staff", expiresAt: "2099-01-01T00:00:00.000Z" },
        user: { id: "u-staff", email: "staff@example.com", name: "Sam Staff", role: state.role },
      }),
    ),
    http.get(url("conversations/unread-count"), () => ok({ count: state.unreadMessages })),
    http.get(url("admin/partner-organizations"), () => ok([])),
    http.get(url("admin/referrals"), ({ request }) => {
      const status = new URL(request.url).searchParams.get("status");
      const data = state.referrals.filter((item) => !status || item.status === status);
      return HttpResponse.json({ status: "success", data, nextCursor: null });
    }),
    http.get(url("referrals/:id"), ({ params }) => {
      const item = state.referrals.find((entry) => entry.id === params.id);
      return item ? ok(detail(item)) : HttpResponse.json({}, { status: 404 });
    }),
    http.patch(url("admin/referrals/:id/status"), async ({ params, request }) => {
      const body = await record(`PATCH admin/referrals/${params.id}/status`, request);
      const item = state.referrals.find((entry) => entry.id === params.id);
      const to = body.status as ReferralStatus;
      if (!item || !REFERRAL_STATUS_TRANSITIONS[item.status].includes(to)) {
        const error = { code: "INVALID_TRANSITION", message: "Not allowed" };
        return HttpResponse.json({ status: "error", message: error.message, error }, { status: 409 });
      }
      item.status = to;
      return ok(detail(item));
    }),
    http.post(url("admin/referrals/bulk-status"), async ({ request }) => {
      const body = (await record("POST admin/referrals/bulk-status", request)) as {
        ids: string[];
        status: ReferralStatus;
      };
      const results = body.ids.map((id) => {
        const item = state.referrals.find((entry) => entry.id === id);
        if (!item || !REFERRAL_STATUS_TRANSITIONS[item.status].includes(body.status))
          return { id, outcome: "skipped" as const, code: "INVALID_TRANSITION" };
        item.status = body.status;
        return { id, outcome: "updated" as const };
      });
      const updated = results.filter((item) => item.outcome === "updated").length;
      return ok({ updated, skipped: results.length - updated, results });
    }),
    http.get(url("admin/features"), () => ok(state.flags)),
    http.patch(url("admin/features/:key"), async ({ params, request }) => {
      const body = await record(`PATCH admin/features/${params.key}`, request);
      const flag = state.flags.find((item) => item.key === params.key);
      if (!flag) return HttpResponse.json({}, { status: 404 });
      Object.assign(flag, body);
      return ok(flag);
    }),
    http.get(url("features"), () => ok({})),
    // The layout reads the signed-in user's saved language once (in English here: nothing to switch).
    http.get(url("users/:id/profile"), () => ok(fixtures.user)),
    http.get(url("admin/broadcasts"), () =>
      HttpResponse.json({ status: "success", data: state.broadcasts, nextCursor: null }),
    ),
    // A count changes nothing, so it is not recorded; nobody lives in "AU" here.
    http.post(url("admin/broadcasts/audience-count"), async ({ request }) => {
      const audience = (await request.json()) as { country?: string };
      return ok({ recipientCount: audience.country === "AU" ? 0 : 4 });
    }),
    http.post(url("admin/broadcasts"), async ({ request }) => {
      const body = (await record("POST admin/broadcasts", request)) as CreateBroadcastData;
      const counts = { pending: 0, sent: 3, skipped: 1, failed: 0 };
      const broadcast: Broadcast = {
        id: `b${state.broadcasts.length + 1}`,
        type: body.type,
        title: body.title,
        body: body.body,
        audience: body.audience ?? {},
        createdBy: "u-staff",
        createdByName: "Sam Staff",
        recipientCount: 4,
        processedCount: 4,
        deliveries: { inApp: counts, email: counts, push: counts },
        createdAt: NOW,
      };
      state.broadcasts.unshift(broadcast);
      return ok(broadcast, 201);
    }),
  ];
}

/** MSW for one test file; state is fresh per test and unhandled requests fail the test. */
export function setupAdminServer() {
  const server = setupServer();
  const ref = { state: createAdminState() };
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    ref.state = createAdminState();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return {
    get state() {
      return ref.state;
    },
    use: () => server.use(...adminHandlers(ref.state)),
    server,
  };
}
