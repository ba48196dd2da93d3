import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const password = "correct-horse-1";

interface ErrorBody {
  status: string;
  message: string;
  error: { code: string; message: string; details?: { fields?: Record<string, string[]> } };
}

const signIn = (email: string, pass = password) =>
  t.app.inject({ method: "POST", url: "/api/auth/sign-in/email", payload: { email, password: pass } });
const profile = (headers: Record<string, string>) => t.app.inject({ url: "/api/users/me/profile", headers });

/** The `name=value` pairs of a response's set-cookie headers, as a browser would send them back. */
function cookieHeader(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list.map((cookie) => cookie.split(";")[0]).join("; ");
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("POST /api/auth/sign-up/email", () => {
  it("creates a client, answers the bearer token in `token` and `set-auth-token`, and opens their case", async () => {
    const email = `new-${Date.now()}@example.com`;
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { name: "Ana Lima", email, password, phone: "+55 11 91234-5678", country: "BR" },
    });
    expect(response.statusCode).toBe(200);
    const body = json<{ token: string; user: { id: string; email: string; emailVerified: boolean } }>(
      response,
    );
    expect(body.token).toEqual(expect.any(String));
    // The header carries the same session token, signed; either works as a bearer token.
    expect(String(response.headers["set-auth-token"]).startsWith(`${body.token}.`)).toBe(true);
    expect(body.user).toMatchObject({ email, emailVerified: false });
    const me = await profile({ authorization: `Bearer ${body.token}` });
    expect(me.statusCode).toBe(200);
    expect(json(me)).toMatchObject({
      data: { id: body.user.id, role: "client", phone: expect.any(String), country: "BR" },
    });
    const progress = await t.app.inject({
      url: "/api/users/me/visa-progress",
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(json<{ data: { currentStage: string } }>(progress).data.currentStage).toBe("enquiry");
  });

  it("answers 409 EMAIL_TAKEN for an email already registered, whatever its case", async () => {
    const first = await signUp(t);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { name: "Someone Else", email: first.email.toUpperCase(), password },
    });
    expect(response.statusCode).toBe(409);
    expect(json<ErrorBody>(response)).toMatchObject({ status: "error", error: { code: "EMAIL_TAKEN" } });
  });

  it("rejects invalid input with per-field details and cannot set its own role", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-up/email",
      payload: { name: "", email: "not-an-email", password: "short", role: "admin" },
    });
    expect(response.statusCode).toBe(400);
    const body = json<ErrorBody>(response);
    expect(body.status).toBe("error");
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(["name", "email", "password"]),
    );
  });
});

describe("POST /api/auth/sign-in/email", () => {
  it("answers the bearer token in `token` and `set-auth-token`, usable as Authorization: Bearer", async () => {
    const user = await signUp(t);
    const response = await signIn(user.email);
    expect(response.statusCode).toBe(200);
    const body = json<{ token: string; user: { id: string } }>(response);
    expect(body.user.id).toBe(user.id);
    const header = String(response.headers["set-auth-token"]);
    expect(header.startsWith(`${body.token}.`)).toBe(true);
    for (const token of [body.token, header]) {
      const me = await profile({ authorization: `Bearer ${token}` });
      expect(me.statusCode).toBe(200);
      expect(json<{ data: { id: string } }>(me).data.id).toBe(user.id);
    }
  });

  it("sets a session cookie a browser can use on later requests", async () => {
    const user = await signUp(t);
    const response = await signIn(user.email);
    const cookie = cookieHeader(response.headers["set-cookie"]);
    expect(cookie).toContain("session_token=");
    const me = await profile({ cookie });
    expect(me.statusCode).toBe(200);
    expect(json<{ data: { id: string } }>(me).data.id).toBe(user.id);
  });

  it("answers 401 INVALID_CREDENTIALS in our error shape for a wrong password or unknown email", async () => {
    const user = await signUp(t);
    for (const response of [
      await signIn(user.email, "wrong-password-1"),
      await signIn("nobody@example.com"),
    ]) {
      expect(response.statusCode).toBe(401);
      const body = json<ErrorBody>(response);
      expect(body).toMatchObject({ status: "error", error: { code: "INVALID_CREDENTIALS" } });
      expect(body.message).toBe(body.error.message);
      expect(response.headers["set-auth-token"]).toBeUndefined();
    }
  });

  it("rejects a malformed body with per-field details", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: "nope", password: "" },
    });
    expect(response.statusCode).toBe(400);
    const body = json<ErrorBody>(response);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details?.fields ?? {}).sort()).toEqual(["email", "password"]);
  });
});

describe("GET /api/auth/get-session", () => {
  it("answers the signed-in user for a bearer token", async () => {
    const user = await signUp(t);
    const response = await t.app.inject({ url: "/api/auth/get-session", headers: user.headers });
    expect(response.statusCode).toBe(200);
    expect(json<{ user: { id: string } }>(response).user.id).toBe(user.id);
  });
});

describe("POST /api/auth/sign-out", () => {
  it("invalidates a bearer session", async () => {
    const user = await signUp(t);
    expect((await profile(user.headers)).statusCode).toBe(200);
    const out = await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: user.headers });
    expect(out.statusCode).toBe(200);
    const after = await profile(user.headers);
    expect(after.statusCode).toBe(401);
    expect(json<ErrorBody>(after).error.code).toBe("UNAUTHORIZED");
  });

  it("invalidates a cookie session and clears the cookie", async () => {
    const user = await signUp(t);
    const cookie = cookieHeader((await signIn(user.email)).headers["set-cookie"]);
    const out = await t.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { cookie, origin: t.ctx.config.publicUrl },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers["set-cookie"])).toMatch(/session_token=;|Max-Age=0/);
    expect((await profile({ cookie })).statusCode).toBe(401);
    // Other sessions of the same user stay signed in.
    expect((await profile(user.headers)).statusCode).toBe(200);
  });
});
