import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let client: SignedUpUser;
let other: SignedUpUser;
let staff: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  other = await signUp(t);
  staff = await signUp(t, { role: "staff" });
});
afterAll(() => t.close());

describe("GET /api/users/:id/profile", () => {
  it("answers the caller's profile for `me` and for their own id", async () => {
    for (const id of ["me", client.id]) {
      const response = await t.app.inject({ url: `/api/users/${id}/profile`, headers: client.headers });
      expect(response.statusCode).toBe(200);
      const body = json<{
        data: { id: string; email: string; preferences: { theme: string }; referralCode: string };
      }>(response);
      expect(body.data.id).toBe(client.id);
      expect(body.data.email).toBe(client.email);
      expect(body.data.preferences.theme).toBe("auto");
      expect(body.data.referralCode).toMatch(/^[A-Z2-9]{8}$/);
    }
  });

  it("answers 404 for another client's profile and 200 for staff", async () => {
    const foreign = await t.app.inject({ url: `/api/users/${other.id}/profile`, headers: client.headers });
    expect(foreign.statusCode).toBe(404);
    expect(json<{ status: string; error: { code: string } }>(foreign)).toMatchObject({
      status: "error",
      error: { code: "NOT_FOUND" },
    });
    const asStaff = await t.app.inject({ url: `/api/users/${other.id}/profile`, headers: staff.headers });
    expect(asStaff.statusCode).toBe(200);
  });

  it("answers 401 without credentials", async () => {
    const response = await t.app.inject({ url: "/api/users/me/profile" });
    expect(response.statusCode).toBe(401);
    expect(json<{ error: { code: string } }>(response).error.code).toBe("UNAUTHORIZED");
  });
});

describe("PATCH /api/users/:id/profile", () => {
  it("updates fields and merges preferences", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: client.headers,
      payload: {
        name: "Ana Lima",
        country: "br",
        preferences: { theme: "dark", notifications: { promotional: { email: true } } },
      },
    });
    expect(response.statusCode).toBe(200);
    const { data } = json<{
      data: {
        name: string;
        country: string;
        preferences: { theme: string; notifications: Record<string, Record<string, boolean>> };
      };
    }>(response);
    expect(data.name).toBe("Ana Lima");
    expect(data.country).toBe("BR");
    expect(data.preferences.theme).toBe("dark");
    expect(data.preferences.notifications.promotional).toEqual({ inApp: true, email: true, push: false });
    expect(data.preferences.notifications.referral).toEqual({ inApp: true, email: true, push: true });
  });

  it("rejects bad input with field details and changes nothing", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: client.headers,
      payload: { name: "", phone: "abc", preferences: { theme: "neon" }, role: "admin" },
    });
    expect(response.statusCode).toBe(400);
    const body = json<{ error: { code: string; details: { fields: Record<string, string[]> } } }>(response);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details.fields).length).toBeGreaterThan(0);
    const after = await t.app.inject({ url: "/api/users/me/profile", headers: client.headers });
    expect(json<{ data: { name: string } }>(after).data.name).toBe("Ana Lima");
  });
});

describe("visa progress", () => {
  it("starts a new client at Enquiry with all five stages", async () => {
    const response = await t.app.inject({ url: "/api/users/me/visa-progress", headers: other.headers });
    expect(response.statusCode).toBe(200);
    const { data } = json<{ data: { currentStage: string; stages: { id: string; status: string }[] } }>(
      response,
    );
    expect(data.currentStage).toBe("enquiry");
    expect(data.stages.map((stage) => stage.status)).toEqual([
      "current",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("lets staff advance a case, notifying the client once the job runs", async () => {
    const advance = await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${other.id}/visa-stage/advance`,
      headers: staff.headers,
      payload: { note: "Documents received" },
    });
    expect(advance.statusCode).toBe(200);
    expect(json<{ data: { currentStage: string } }>(advance).data.currentStage).toBe("detailed_enquiry");
    await t.drain();
    const rows = await t.ctx.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, other.id), eq(notifications.type, "status_update")));
    expect(rows).toHaveLength(1);
  });

  it("refuses clients on staff routes", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/api/admin/users/${other.id}/visa-stage/advance`,
      headers: client.headers,
      payload: {},
    });
    expect(response.statusCode).toBe(403);
  });
});
