import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let admin: SignedUpUser;

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  admin = await signUp(t, { role: "admin" });
});
afterAll(() => t.close());

const LOGO =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

interface BrandingBody {
  data: { name: string; logoDataUrl: string | null; tagline: string };
}

describe("GET /api/branding", () => {
  it("answers without signing in, cacheable, with the defaults before anyone edits them", async () => {
    const response = await t.app.inject({ url: "/api/branding" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("public");
    expect(json<BrandingBody>(response).data).toEqual({
      name: "Referral Client App",
      logoDataUrl: null,
      tagline: "",
    });
  });

  it("shows what an admin saves, and only the name, logo and promise", async () => {
    const patch = (headers: Record<string, string>, payload: Record<string, string>) =>
      t.app.inject({ method: "PATCH", url: "/api/admin/settings", headers, payload });
    const update = {
      businessName: "Lima Visas",
      tagline: "Your visa, handled end to end",
      logoDataUrl: LOGO,
    };
    expect((await patch(staff.headers, update)).statusCode).toBe(403);
    const saved = await patch(admin.headers, update);
    expect(saved.statusCode).toBe(200);
    expect(json<{ data: unknown }>(saved).data).toMatchObject({ tagline: update.tagline });
    const response = await t.app.inject({ url: "/api/branding" });
    const body = json<BrandingBody>(response);
    expect(body.data).toEqual({ name: "Lima Visas", logoDataUrl: LOGO, tagline: update.tagline });
    expect(Object.keys(body.data).sort()).toEqual(["logoDataUrl", "name", "tagline"]);
  });

  it("refuses a tagline past 140 characters and a logo that is not a PNG or JPEG, changing nothing", async () => {
    const tooLong = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { tagline: "x".repeat(141) },
    });
    expect(tooLong.statusCode).toBe(400);
    const svg = await t.app.inject({
      method: "PATCH",
      url: "/api/admin/settings",
      headers: admin.headers,
      payload: { logoDataUrl: "data:image/svg+xml;base64,PHN2Zz4=" },
    });
    expect(svg.statusCode).toBe(400);
    const after = json<BrandingBody>(await t.app.inject({ url: "/api/branding" })).data;
    expect(after.tagline).toBe("Your visa, handled end to end");
    expect(after.logoDataUrl).toBe(LOGO);
  });
});
