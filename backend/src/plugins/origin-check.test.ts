import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, signUp, type TestApp } from "../test/test-app.ts";

// The server runs with the default PUBLIC_URL (http://localhost:3000) and CORS_ORIGINS=https://partner.example.
let t: TestApp;
const password = "correct-horse-1";
const referral = { fullName: "Ben Okafor", email: "ben@example.com" };

/** Signs in as a browser on `host` would and returns its session cookie. */
async function browserCookie(email: string, host: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: { host, origin: `http://${host}`, "sec-fetch-site": "same-origin", "sec-fetch-mode": "cors" },
    payload: { email, password },
  });
  expect(response.statusCode).toBe(200);
  const cookies = [response.headers["set-cookie"]].flat().filter((cookie) => cookie !== undefined);
  return cookies.map((cookie) => String(cookie).split(";")[0]).join("; ");
}

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: "https://partner.example" });
});
afterAll(() => t.close());

describe("same-origin requests on any host", () => {
  for (const host of ["127.0.0.1:3000", "localhost:3000", "192.168.1.20:3000"]) {
    it(`signs in and creates a referral from http://${host}`, async () => {
      const user = await signUp(t);
      const cookie = await browserCookie(user.email, host);
      const created = await t.app.inject({
        method: "POST",
        url: "/api/referrals",
        headers: { host, origin: `http://${host}`, cookie },
        payload: { ...referral, email: `friend-${host.replace(/\W/g, "")}@example.com` },
      });
      expect(created.statusCode).toBe(201);
    });
  }

  it("trusts CORS_ORIGINS and PUBLIC_URL from another host", async () => {
    const user = await signUp(t);
    const cookie = await browserCookie(user.email, "localhost:3000");
    for (const origin of ["https://partner.example", "http://localhost:3000"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/notifications/read-all",
        headers: { host: "api.internal:8080", origin, cookie },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});

describe("cookie-authenticated requests from a foreign origin", () => {
  let cookie = "";
  beforeAll(async () => {
    cookie = await browserCookie((await signUp(t)).email, "localhost:3000");
  });

  it("are refused on an app route, and nothing is created", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { host: "localhost:3000", origin: "https://evil.example", cookie },
      payload: referral,
    });
    expect(response.statusCode).toBe(403);
    expect(json(response)).toMatchObject({ status: "error", error: { code: "ORIGIN_NOT_ALLOWED" } });
    const list = await t.app.inject({
      url: "/api/users/me/referrals",
      headers: { host: "localhost:3000", cookie },
    });
    expect(json<{ data: unknown[] }>(list).data).toEqual([]);
  });

  it("are refused on an auth route, and the session stays valid", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { host: "localhost:3000", origin: "https://evil.example", cookie },
      payload: {},
    });
    expect(response.statusCode).toBe(403);
    expect(json(response)).toMatchObject({ error: { code: "ORIGIN_NOT_ALLOWED" } });
    const session = await t.app.inject({
      url: "/api/auth/get-session",
      headers: { host: "localhost:3000", cookie },
    });
    expect(json<{ user: { id: string } } | null>(session)?.user.id).toEqual(expect.any(String));
  });

  it("are refused without any Origin, and with Origin null", async () => {
    for (const origin of [undefined, "null"]) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/notifications/read-all",
        headers: { host: "localhost:3000", cookie, ...(origin ? { origin } : {}) },
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it("refuse a foreign page even without a cookie (no sign-in from someone else's form)", async () => {
    const user = await signUp(t);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { host: "localhost:3000", origin: "https://evil.example" },
      payload: { email: user.email, password },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("clients without Origin and without cookies (Node fetch, curl, mobile)", () => {
  it("sign up, sign in and use the bearer token, with Node fetch's Sec-Fetch-Mode: cors", async () => {
    const nodeFetch = { "sec-fetch-mode": "cors" };
    const email = `node-${Date.now()}@example.com`;
    const up = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      headers: nodeFetch,
      payload: { name: "Node Client", email, password },
    });
    expect(up.statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: nodeFetch,
      payload: { email, password },
    });
    expect(signIn.statusCode).toBe(200);
    const { token } = json<{ token: string }>(signIn);
    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { ...nodeFetch, authorization: `Bearer ${token}` },
      payload: referral,
    });
    expect(created.statusCode).toBe(201);
  });
});

describe("a native app: bearer token, and cookies its HTTP stack kept, without Origin", () => {
  it("is accepted, since no other site can attach the Authorization header", async () => {
    const user = await signUp(t);
    const cookie = await browserCookie(user.email, "localhost:3000");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: { ...user.headers, cookie },
      payload: { ...referral, email: "native-app-friend@example.com" },
    });
    expect(created.statusCode).toBe(201);
  });
});

describe("better-auth endpoints the apps do not use", () => {
  it("POST /api/auth/update-user answers 404 and stores nothing", async () => {
    const user = await signUp(t);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/update-user",
      headers: user.headers,
      payload: { name: "x".repeat(5000), image: "javascript:alert(1)", phone: "<b>1</b>", country: "<i>" },
    });
    expect(response.statusCode).toBe(404);
    expect(json(response)).toMatchObject({ status: "error", error: { code: "NOT_FOUND" } });
    const profile = await t.app.inject({ url: "/api/users/me/profile", headers: user.headers });
    expect(json<{ data: { name: string } }>(profile).data.name).not.toContain("xxxxx");
  });

  it("answers 404 for change-email, delete-user and list-sessions", async () => {
    const user = await signUp(t);
    for (const [method, url] of [
      ["POST", "/api/auth/change-email"],
      ["POST", "/api/auth/delete-user"],
      ["GET", "/api/auth/list-sessions"],
    ] as const) {
      const response = await t.app.inject({
        method,
        url,
        headers: user.headers,
        payload: method === "POST" ? {} : undefined,
      });
      expect(response.statusCode, url).toBe(404);
    }
  });
});
