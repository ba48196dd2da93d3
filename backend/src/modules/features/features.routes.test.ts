import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, featureFlags } from "../../db/schema/index.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { isFeatureOn } from "./features.service.ts";

let t: TestApp;
let client: SignedUpUser;
let partner: SignedUpUser;
let staff: SignedUpUser;
let admin: SignedUpUser;

const features = async (headers?: { authorization: string }) => {
  const response = await t.app.inject({ url: "/api/features", ...(headers ? { headers } : {}) });
  expect(response.statusCode).toBe(200);
  return json<{ data: Record<string, boolean> }>(response).data;
};

beforeAll(async () => {
  t = await createTestApp();
  client = await signUp(t);
  partner = await signUp(t, { role: "partner" });
  staff = await signUp(t, { role: "staff" });
  admin = await signUp(t, { role: "admin" });
  await t.ctx.db.insert(featureFlags).values([
    { key: "dark-launch", description: "Off for everyone", enabled: false, roles: null },
    { key: "partner-csv", description: "Partners only", enabled: true, roles: ["partner"] },
  ]);
});
afterAll(() => t.close());

describe("isFeatureOn", () => {
  it("needs the flag enabled and, when roles are set, the caller's role among them", () => {
    expect(isFeatureOn({ enabled: true, roles: null }, null)).toBe(true);
    expect(isFeatureOn({ enabled: false, roles: null }, "admin")).toBe(false);
    expect(isFeatureOn({ enabled: true, roles: ["staff"] }, "staff")).toBe(true);
    expect(isFeatureOn({ enabled: true, roles: ["staff"] }, "client")).toBe(false);
    expect(isFeatureOn({ enabled: true, roles: ["staff"] }, null)).toBe(false);
    expect(isFeatureOn({ enabled: true, roles: [] }, "admin")).toBe(false);
  });
});

describe("GET /api/features", () => {
  it("evaluates the seeded and added flags per role", async () => {
    expect(await features(client.headers)).toEqual({
      "advanced-filters": false,
      "dark-launch": false,
      "partner-csv": false,
      "referral-analytics": true,
    });
    expect(await features(partner.headers)).toMatchObject({ "advanced-filters": false, "partner-csv": true });
    expect(await features(staff.headers)).toMatchObject({
      "advanced-filters": true,
      "partner-csv": false,
      "referral-analytics": true,
    });
    expect(await features(admin.headers)).toMatchObject({ "advanced-filters": true, "dark-launch": false });
  });

  it("answers anonymous callers with only the flags open to every role", async () => {
    expect(await features()).toEqual({
      "advanced-filters": false,
      "dark-launch": false,
      "partner-csv": false,
      "referral-analytics": true,
    });
  });
});

describe("GET /api/admin/features", () => {
  it("lists every flag with its settings for staff", async () => {
    const response = await t.app.inject({ url: "/api/admin/features", headers: staff.headers });
    expect(response.statusCode).toBe(200);
    const { data } = json<{ data: { key: string; enabled: boolean; roles: string[] | null }[] }>(response);
    expect(data.map((flag) => flag.key)).toEqual([
      "advanced-filters",
      "dark-launch",
      "partner-csv",
      "referral-analytics",
    ]);
    expect(data[0]).toMatchObject({ enabled: true, roles: ["staff", "admin"] });
  });

  it("refuses clients and anonymous callers", async () => {
    expect((await t.app.inject({ url: "/api/admin/features", headers: client.headers })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: "/api/admin/features" })).statusCode).toBe(401);
  });
});

describe("PATCH /api/admin/features/:key", () => {
  it("changes a flag, writes an audit entry, and the evaluation follows", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/features/advanced-filters",
      headers: staff.headers,
      payload: { roles: ["staff", "admin", "client"], description: "Now for clients too" },
    });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: unknown }>(response).data).toMatchObject({
      key: "advanced-filters",
      enabled: true,
      roles: ["staff", "admin", "client"],
      description: "Now for clients too",
    });
    expect((await features(client.headers))["advanced-filters"]).toBe(true);
    const entries = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "feature_flag"), eq(auditLog.entityId, "advanced-filters")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: staff.id,
      action: "feature_flag.updated",
      before: { enabled: true, roles: ["staff", "admin"] },
      after: { enabled: true, roles: ["staff", "admin", "client"] },
    });
  });

  it("turns a flag off for everyone", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/features/referral-analytics",
      headers: admin.headers,
      payload: { enabled: false },
    });
    expect(response.statusCode).toBe(200);
    expect((await features())["referral-analytics"]).toBe(false);
    expect((await features(staff.headers))["referral-analytics"]).toBe(false);
  });

  it("answers 404 for an unknown key and 400 for a bad body, auditing neither", async () => {
    const before = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityType, "feature_flag"));
    const unknown = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/features/no-such-flag",
      headers: staff.headers,
      payload: { enabled: true },
    });
    expect(unknown.statusCode).toBe(404);
    expect(json<{ error: { code: string } }>(unknown).error.code).toBe("NOT_FOUND");
    const bad = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/features/dark-launch",
      headers: staff.headers,
      payload: { enabled: "yes", roles: ["wizard"], extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const body = json<{ error: { code: string; details: { fields: Record<string, string[]> } } }>(bad);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details.fields).length).toBeGreaterThan(0);
    const after = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityType, "feature_flag"));
    expect(after).toHaveLength(before.length);
  });

  it("is refused to clients with 403 and changes nothing", async () => {
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/features/dark-launch",
      headers: client.headers,
      payload: { enabled: true },
    });
    expect(response.statusCode).toBe(403);
    const [flag] = await t.ctx.db.select().from(featureFlags).where(eq(featureFlags.key, "dark-launch"));
    expect(flag?.enabled).toBe(false);
  });
});
