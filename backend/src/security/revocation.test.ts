import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users, verifications } from "../db/schema/index.ts";
import { createSecondInstance } from "../test/second-instance.ts";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 11: a session revoked on one instance answers 401 on every other instance at
// once, not when a cached answer expires. "At once" is the database's notice crossing to the other
// instance: milliseconds, but not before the statement returns, so each check allows 2 s, far under the
// cache's 15 s lifetime (an invalidation that never arrives still fails).
const soon = { timeout: 2_000, interval: 20 };

let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  a = await createTestApp();
  b = await createSecondInstance(a);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const profileOn = (instance: TestApp, user: SignedUpUser) =>
  instance.app.inject({ url: "/api/users/me/profile", headers: user.headers });

/** Signs up on instance A and has instance B serve (and cache) the session once. */
async function signedInOnBoth(): Promise<SignedUpUser> {
  const user = await signUp(a);
  expect((await profileOn(b, user)).statusCode).toBe(200);
  expect((await profileOn(b, user)).statusCode).toBe(200);
  return user;
}

describe("security: revocation reaches every instance at once", () => {
  it("sign-out", async () => {
    const user = await signedInOnBoth();
    const out = await a.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: user.headers });
    expect(out.statusCode).toBe(200);
    await vi.waitFor(async () => expect((await profileOn(b, user)).statusCode).toBe(401), soon);
  });

  it("revoke-sessions", async () => {
    const user = await signedInOnBoth();
    const other = await a.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      payload: { email: user.email, password: "correct-horse-1" },
    });
    const second = { authorization: `Bearer ${other.json<{ token: string }>().token}` };
    const revoke = await a.app.inject({ method: "POST", url: "/api/auth/revoke-sessions", headers: second });
    expect(revoke.statusCode).toBe(200);
    await vi.waitFor(async () => expect((await profileOn(b, user)).statusCode).toBe(401), soon);
  });

  it("password reset", async () => {
    const user = await signedInOnBoth();
    const request = await a.app.inject({
      method: "POST",
      url: "/api/auth/request-password-reset",
      payload: { email: user.email, redirectTo: "/reset-password" },
    });
    expect(request.statusCode).toBe(200);
    const [row] = await a.ctx.db
      .select({ identifier: verifications.identifier })
      .from(verifications)
      .where(and(eq(verifications.value, user.id), like(verifications.identifier, "reset-password:%")));
    const token = row!.identifier.slice("reset-password:".length);
    const reset = await a.app.inject({
      method: "POST",
      url: "/api/auth/reset-password",
      payload: { token, newPassword: "brand-new-secret-9" },
    });
    expect(reset.statusCode).toBe(200);
    await vi.waitFor(async () => expect((await profileOn(b, user)).statusCode).toBe(401), soon);
  });

  it("a role change", async () => {
    const staff = await signUp(a, { role: "staff" });
    const broadcasts = (instance: TestApp) =>
      instance.app.inject({ url: "/api/admin/broadcasts", headers: staff.headers });
    expect((await broadcasts(b)).statusCode).toBe(200);
    // What any staff action that demotes a user does to the row.
    await a.ctx.db.update(users).set({ role: "client" }).where(eq(users.id, staff.id));
    await vi.waitFor(async () => expect((await broadcasts(b)).statusCode).toBe(403), soon);
  });
});
