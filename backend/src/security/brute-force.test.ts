import { eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { signInFailures } from "../db/schema/index.ts";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 3: sign-in budgets that a spoofed X-Forwarded-For, a signed-in caller or a
// rotation of addresses cannot renew, and a lockout per e-mail address.

interface RateLimited {
  message: string;
  error: { code: string; details: { retryAfterSeconds: number } };
}

describe("security: X-Forwarded-For is believed only from the configured hops", () => {
  let t: TestApp;
  beforeAll(async () => {
    // The proxy's network is trusted, as shipped; 10 sign-ins a minute per client address.
    t = await createTestApp({ TRUST_PROXY: "10.0.0.0/8", RATE_LIMIT_AUTH_MAX: "10" });
  });
  afterAll(() => t.close());

  // What the API receives from a proxy that appends to the client's own header.
  const failedSignIn = (i: number, forwardedFor: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: "10.0.0.2",
      headers: { "x-forwarded-for": forwardedFor },
      payload: { email: `nobody-${i}-${forwardedFor.length}@example.com`, password: "wrong-password-1" },
    });

  async function limitedOf30(forwardedFor: (i: number) => string): Promise<number> {
    let limited = 0;
    for (let i = 0; i < 30; i += 1) {
      const response = await failedSignIn(i, forwardedFor(i));
      if (response.statusCode === 429) limited += 1;
      else expect(response.statusCode).toBe(401);
    }
    return limited;
  }

  it("30 failures with rotating spoofed addresses are limited like 30 from one address", async () => {
    const rotating = await limitedOf30((i) => `198.51.100.${i + 1}, 203.0.113.50`);
    const single = await limitedOf30(() => "203.0.113.51");
    expect(single).toBe(20);
    expect(rotating).toBe(single);
  });

  it("refuses TRUST_PROXY=true or a hop count and accepts addresses and ranges", () => {
    const base = { NODE_ENV: "test", DATA_DIR: "/tmp/referral-test-data" };
    expect(() => loadConfig({ ...base, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: "1" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ...base, TRUST_PROXY: "10.0.0.0/8, ::1,loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "::1",
      "loopback",
    ]);
  });
});

describe("security: a signed-in caller gets no fresh sign-in budget", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_MAX: "3" });
  });
  afterAll(() => t.close());

  it("counts sign-ins per address whether or not a session comes along", async () => {
    const attacker = await signUp(t);
    const attempt = (headers: Record<string, string>, i: number) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        remoteAddress: "203.0.113.60",
        headers,
        payload: { email: `target-${i}@example.com`, password: "wrong-password-1" },
      });
    for (let i = 0; i < 3; i += 1) expect((await attempt({}, i)).statusCode).toBe(401);
    expect((await attempt(attacker.headers, 3)).statusCode).toBe(429);
  });

  it("names the wait in the 429 answer", async () => {
    let response: LightMyRequestResponse | undefined;
    for (let i = 0; i < 4; i += 1) {
      response = await t.app.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        remoteAddress: "203.0.113.61",
        payload: { email: `wait-${i}@example.com`, password: "wrong-password-1" },
      });
    }
    expect(response!.statusCode).toBe(429);
    const body = response!.json<RateLimited>();
    const wait = body.error.details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(body.message).toBe(`Too many attempts, try again in ${wait} second${wait === 1 ? "" : "s"}`);
    expect(response!.headers["retry-after"]).toBe(String(wait));
  });
});

describe("security: sign-in lockout per e-mail address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // A fresh address per attempt: only the per-account count is in play.
  let address = 0;
  const nextAddress = () => {
    address = (address % 250) + 1;
    return address;
  };
  const signIn = (email: string, password: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      remoteAddress: `192.0.2.${nextAddress()}`,
      payload: { email, password },
    });

  it("locks for a minute after 5 failures, with the same answer for an unknown address", async () => {
    const user = await signUp(t);
    const answers: RateLimited[] = [];
    for (const email of [user.email, "no-such-account@example.com"]) {
      for (let i = 0; i < 5; i += 1) expect((await signIn(email, "wrong-password-1")).statusCode).toBe(401);
      // Even the right password is not checked while locked.
      const locked = await signIn(email, "correct-horse-1");
      expect(locked.statusCode).toBe(429);
      answers.push(locked.json<RateLimited>());
    }
    for (const answer of answers) {
      expect(answer.error.code).toBe("RATE_LIMITED");
      expect(answer.error.details.retryAfterSeconds).toBeGreaterThan(50);
      expect(answer.error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(answers[0]!.message.replace(/\d+/, "N")).toBe(answers[1]!.message.replace(/\d+/, "N"));
    // Differently cased, the same address.
    expect((await signIn(user.email.toUpperCase(), "correct-horse-1")).statusCode).toBe(429);
  });

  it("doubles the lockout with each failure after it ends", async () => {
    const user = await signUp(t);
    for (let i = 0; i < 5; i += 1) await signIn(user.email, "wrong-password-1");
    // The minute passes.
    await t.ctx.db.update(signInFailures).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await signIn(user.email, "wrong-password-1")).statusCode).toBe(401);
    const locked = await signIn(user.email, "correct-horse-1");
    expect(locked.statusCode).toBe(429);
    expect(locked.json<RateLimited>().error.details.retryAfterSeconds).toBeGreaterThan(110);
  });

  it("starts over after a successful sign-in", async () => {
    const user = await signUp(t);
    for (let i = 0; i < 4; i += 1) await signIn(user.email, "wrong-password-1");
    expect((await signIn(user.email, "correct-horse-1")).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(signInFailures).where(eq(signInFailures.failures, 4))).toEqual([]);
    for (let i = 0; i < 4; i += 1)
      expect((await signIn(user.email, "wrong-password-1")).statusCode).toBe(401);
    expect((await signIn(user.email, "correct-horse-1")).statusCode).toBe(200);
  });
});
