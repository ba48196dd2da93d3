import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 1: on https better-auth reads only the `__Secure-` session cookie. A plain
// `better-auth.session_token` planted beside it (from a sibling subdomain, or over plain HTTP before
// HSTS) must never become a key to the victim's session.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: "https://referral.example.com" });
});
afterAll(() => t.close());

const profile = (headers: Record<string, string>) => t.app.inject({ url: "/api/users/me/profile", headers });

async function browserSession(email: string): Promise<string> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    payload: { email, password: "correct-horse-1" },
  });
  const cookies = ([] as string[]).concat(response.headers["set-cookie"] ?? []);
  const session = cookies
    .map((cookie) => cookie.split(";")[0]!)
    .find((pair) => pair.includes("session_token="));
  if (!session?.startsWith("__Secure-better-auth.session_token="))
    throw new Error(`no secure cookie: ${cookies}`);
  return session;
}

describe("security: a planted session cookie", () => {
  it("is ignored, so replaying its value as a bearer token answers 401", async () => {
    const victim = await signUp(t);
    const real = await browserSession(victim.email);
    for (const [i, order] of (["before", "after"] as const).entries()) {
      const planted = `attacker-chosen-value-${i}`;
      const cookie =
        order === "before"
          ? `better-auth.session_token=${planted}; ${real}`
          : `${real}; better-auth.session_token=${planted}`;
      // The victim's browser sends both cookies and still works as the victim.
      const own = await profile({ cookie });
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ data: { id: victim.id } });
      const replay = await profile({ authorization: `Bearer ${planted}` });
      expect(replay.statusCode).toBe(401);
    }
  });
});
