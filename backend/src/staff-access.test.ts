import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganizationRow, signUpPartner } from "./test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "./test/test-app.ts";

let t: TestApp;
let client: SignedUpUser;
let partner: SignedUpUser;
let staff: SignedUpUser;

const ID = "00000000-0000-4000-8000-000000000000";
const ADMIN_ROUTES: { method: "GET" | "POST" | "PATCH" | "PUT"; url: string; payload?: object }[] = [
  { method: "GET", url: "/api/admin/clients" },
  { method: "GET", url: `/api/admin/clients/${ID}` },
  { method: "POST", url: "/api/admin/referrals/bulk-status", payload: { ids: [ID], status: "contacted" } },
  { method: "GET", url: "/api/admin/referrals/export.csv" },
  { method: "GET", url: "/api/admin/rewards" },
  { method: "GET", url: "/api/admin/rewards/totals" },
  { method: "POST", url: `/api/admin/rewards/${ID}/approve` },
  { method: "POST", url: `/api/admin/rewards/${ID}/mark-paid` },
  { method: "POST", url: `/api/admin/rewards/${ID}/reverse`, payload: { reason: "x" } },
  { method: "POST", url: "/api/admin/broadcasts", payload: { type: "system", title: "t", body: "b" } },
  { method: "GET", url: "/api/admin/broadcasts" },
  { method: "GET", url: `/api/admin/broadcasts/${ID}` },
  { method: "GET", url: "/api/admin/audit" },
  { method: "GET", url: "/api/admin/partner-organizations" },
  { method: "GET", url: `/api/admin/partner-organizations/${ID}` },
  {
    method: "POST",
    url: "/api/admin/partner-organizations",
    payload: { name: "X", commissionType: "fixed", commissionAmountMinor: 1 },
  },
  { method: "PATCH", url: `/api/admin/partner-organizations/${ID}`, payload: { name: "Y" } },
  { method: "GET", url: `/api/admin/partner-organizations/${ID}/members` },
  {
    method: "POST",
    url: `/api/admin/partner-organizations/${ID}/members/invite`,
    payload: { email: "a@example.org", name: "A" },
  },
  {
    method: "PUT",
    url: `/api/admin/users/${ID}/partner-organization`,
    payload: { partnerOrganizationId: null },
  },
];

const PARTNER_ROUTES: { method: "GET" | "POST"; url: string; payload?: object }[] = [
  { method: "GET", url: "/api/partners/me" },
  { method: "GET", url: "/api/partners/referrals" },
  { method: "GET", url: `/api/partners/referrals/${ID}` },
  { method: "GET", url: "/api/partners/imports" },
  { method: "GET", url: "/api/partners/commissions" },
  { method: "GET", url: "/api/partners/members" },
  { method: "POST", url: "/api/partners/members/invite", payload: { email: "b@example.org", name: "B" } },
];

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  staff = await signUp(t, { role: "staff" });
  partner = await signUpPartner(t, await createOrganizationRow(t));
});
afterAll(() => t.close());

describe("/api/admin/* role checks", () => {
  it("answers 403 FORBIDDEN to clients and partners on every staff route", async () => {
    for (const user of [client, partner]) {
      for (const route of ADMIN_ROUTES) {
        const response = await t.app.inject({ ...route, headers: user.headers });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
        expect(json<{ error: { code: string } }>(response).error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("answers 401 without credentials", async () => {
    for (const route of ADMIN_ROUTES) {
      const response = await t.app.inject(route);
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it("lets staff through (unknown ids answer 404, lists 200)", async () => {
    const list = await t.app.inject({ url: "/api/admin/rewards", headers: staff.headers });
    expect(list.statusCode).toBe(200);
    const missing = await t.app.inject({ url: `/api/admin/broadcasts/${ID}`, headers: staff.headers });
    expect(missing.statusCode).toBe(404);
  });
});

describe("/api/partners/* role checks", () => {
  it("answers 403 to clients and staff", async () => {
    for (const user of [client, staff]) {
      for (const route of PARTNER_ROUTES) {
        const response = await t.app.inject({ ...route, headers: user.headers });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      }
    }
  });

  it("answers 403 to a partner without an organisation", async () => {
    const loose = await signUp(t, { role: "partner" });
    const response = await t.app.inject({ url: "/api/partners/me", headers: loose.headers });
    expect(response.statusCode).toBe(403);
  });

  it("documents every new route in the OpenAPI document", async () => {
    const response = await t.app.inject({ url: "/api/openapi.json" });
    const paths = Object.keys(json<{ paths: Record<string, unknown> }>(response).paths);
    for (const path of [
      "/api/admin/clients",
      "/api/admin/clients/{id}",
      "/api/admin/referrals/bulk-status",
      "/api/admin/referrals/export.csv",
      "/api/admin/rewards/{id}/reverse",
      "/api/admin/broadcasts/{id}",
      "/api/admin/audit",
      "/api/admin/partner-organizations/{id}",
      "/api/admin/users/{id}/partner-organization",
      "/api/partners/me",
      "/api/partners/referrals/import",
      "/api/partners/imports/{id}/errors.csv",
      "/api/partners/commissions",
      "/api/partners/members/invite",
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe("keyset cursors", () => {
  const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString("base64url");
  const TIME = "2026-01-01T00:00:00.000000Z";
  const BAD_CURSORS = [
    "nonsense",
    cursorOf([TIME, "not-a-uuid'"]),
    cursorOf([TIME, "x".repeat(65)]),
    cursorOf(["2026-01-01", ID]),
    cursorOf([TIME, ID, "extra"]),
  ];
  const STAFF_LISTS = [
    "/api/admin/referrals",
    "/api/admin/clients",
    "/api/admin/rewards",
    "/api/admin/broadcasts",
    "/api/admin/audit",
  ];
  const PARTNER_LISTS = ["/api/partners/referrals", "/api/partners/commissions"];

  it("answers 400 VALIDATION_ERROR on cursor for a malformed cursor on every list, never a 500", async () => {
    for (const [user, lists] of [
      [staff, STAFF_LISTS],
      [partner, PARTNER_LISTS],
    ] as const) {
      for (const url of lists) {
        for (const cursor of BAD_CURSORS) {
          const response = await t.app.inject({ url: `${url}?cursor=${cursor}`, headers: user.headers });
          expect(response.statusCode, `${url} ${cursor}`).toBe(400);
          const body = json<{ error: { code: string; details: { fields: Record<string, unknown> } } }>(
            response,
          );
          expect(body.error.code).toBe("VALIDATION_ERROR");
          expect(Object.keys(body.error.details.fields)).toEqual(["cursor"]);
        }
      }
    }
  });

  it("accepts a well-formed cursor of the list's id type (users have text ids)", async () => {
    const uuidCursor = cursorOf([TIME, ID]);
    for (const url of STAFF_LISTS.filter((list) => list !== "/api/admin/clients")) {
      const response = await t.app.inject({ url: `${url}?cursor=${uuidCursor}`, headers: staff.headers });
      expect(response.statusCode, url).toBe(200);
    }
    const clients = await t.app.inject({
      url: `/api/admin/clients?cursor=${cursorOf([TIME, client.id])}`,
      headers: staff.headers,
    });
    expect(clients.statusCode).toBe(200);
  });
});
