import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions, users } from "../db/schema/index.ts";
import { createSecondInstance } from "../test/second-instance.ts";
import { createTestApp, signUp, type TestApp } from "../test/test-app.ts";

// A signed-in request is answered from the session cache (no database read for the session);
// whatever ends the session or changes the user still counts at once, by whichever path it happens.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const profile = (app: TestApp, headers: Record<string, string>) =>
  app.app.inject({ url: "/api/users/me/profile", headers });
const staffList = (headers: Record<string, string>) => t.app.inject({ url: "/api/admin/referrals", headers });

// PostgreSQL delivers the database's notice to the listener a moment after the commit.
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 5_000, interval: 20 });

describe("session cache", () => {
  it("remembers a session after its first request", async () => {
    const user = await signUp(t);
    expect((await profile(t, user.headers)).statusCode).toBe(200);
    const before = t.ctx.sessions!.size;
    expect((await profile(t, user.headers)).statusCode).toBe(200);
    expect(t.ctx.sessions!.size).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it("stops a session deleted behind the API's back (a script, a cascade)", async () => {
    const user = await signUp(t);
    expect((await profile(t, user.headers)).statusCode).toBe(200);
    await t.ctx.db.delete(sessions).where(eq(sessions.userId, user.id));
    await eventually(async () => expect((await profile(t, user.headers)).statusCode).toBe(401));
  });

  it("applies a role changed in the database at once", async () => {
    const user = await signUp(t);
    expect((await staffList(user.headers)).statusCode).toBe(403);
    await t.ctx.db.update(users).set({ role: "staff" }).where(eq(users.id, user.id));
    await eventually(async () => expect((await staffList(user.headers)).statusCode).toBe(200));
  });

  it("forgets everything after a TRUNCATE", async () => {
    const user = await signUp(t);
    expect((await profile(t, user.headers)).statusCode).toBe(200);
    await t.ctx.db.execute(sql`truncate table ${sessions}`);
    await eventually(async () => expect((await profile(t, user.headers)).statusCode).toBe(401));
  });

  it("signs out on another instance too", async () => {
    const other = await createSecondInstance(t);
    try {
      const user = await signUp(t);
      expect((await profile(other, user.headers)).statusCode).toBe(200);
      expect((await profile(t, user.headers)).statusCode).toBe(200);
      const out = await t.app.inject({ method: "POST", url: "/api/auth/sign-out", headers: user.headers });
      expect(out.statusCode).toBe(200);
      // The instance that signed out forgets before it answers.
      expect((await profile(t, user.headers)).statusCode).toBe(401);
      await eventually(async () => expect((await profile(other, user.headers)).statusCode).toBe(401));
    } finally {
      await other.close();
    }
  });
});
