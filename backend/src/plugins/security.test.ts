import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";
import { securityHeaders } from "./security.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("security headers", () => {
  it("are helmet's, with our content security policy", () => {
    const headers = securityHeaders();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("script-src 'self'");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(headers["cross-origin-embedder-policy"]).toBeUndefined();
  });

  it("go on every answer: success, not found, unauthorised and bad input", async () => {
    const user = await signUp(t);
    const answers = await Promise.all([
      t.app.inject({ url: "/api/users/me/profile", headers: user.headers }),
      t.app.inject({ url: "/api/no-such-route" }),
      t.app.inject({ url: "/api/users/me/profile" }),
      t.app.inject({ method: "POST", url: "/api/referrals", headers: user.headers, payload: { email: 1 } }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 401, 400]);
    for (const [name, value] of Object.entries(securityHeaders())) {
      for (const answer of answers) expect(answer.headers[name]).toBe(value);
    }
  });
});
