import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, json, type TestApp } from "../../test/test-app.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_AUTH_MAX: "3" });
});
afterAll(() => t.close());

describe("auth rate limits", () => {
  it("answers 429 RATE_LIMITED in our error shape after RATE_LIMIT_AUTH_MAX sign-ins a minute", async () => {
    const attempt = (remoteAddress: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        remoteAddress,
        payload: { email: "someone@example.com", password: "wrong-password-1" },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt("203.0.113.7")).statusCode).toBe(401);
    const limited = await attempt("203.0.113.7");
    expect(limited.statusCode).toBe(429);
    expect(json(limited)).toMatchObject({ status: "error", error: { code: "RATE_LIMITED" } });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Per client address: someone else can still sign in.
    expect((await attempt("203.0.113.8")).statusCode).toBe(401);
  });

  it("limits sign-up the same way", async () => {
    const attempt = (i: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-up/email",
        remoteAddress: "198.51.100.9",
        payload: { name: "Rate Limited", email: `limited-${i}@example.com`, password: "correct-horse-1" },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt(i)).statusCode).toBe(200);
    const limited = await attempt(3);
    expect(limited.statusCode).toBe(429);
    expect(json(limited)).toMatchObject({ status: "error", error: { code: "RATE_LIMITED" } });
  });
});
