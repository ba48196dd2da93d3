import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, referrals, users } from "../db/schema/index.ts";
import { failInserts } from "../test/fixtures.ts";
import { createTestApp, json, signUp, type TestApp } from "../test/test-app.ts";

// Issue 12, item 12: the user, their visa case and the referral attribution are made in one
// transaction. A failure leaves nothing half-made (the person retries), and a client whose case
// is missing anyway gets one when it is first read.

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const signUpBody = (email: string, referralCode?: string) => ({
  method: "POST" as const,
  url: "/api/auth/sign-up/email",
  payload: {
    name: "Ana Retry",
    email,
    password: "correct-horse-1",
    ...(referralCode ? { referralCode } : {}),
  },
});

const usersWith = async (email: string) =>
  (await t.ctx.db.select().from(users).where(eq(users.email, email))).length;

describe("security: sign-up side effects commit with the user", () => {
  it("leaves no account when the visa case cannot be opened, and the retry works", async () => {
    const email = "case-fails@example.com";
    const undo = await failInserts(t, "cases", "true");
    const failed = await t.app.inject(signUpBody(email));
    await undo();
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    expect(await usersWith(email)).toBe(0);

    const retry = await t.app.inject(signUpBody(email));
    expect(retry.statusCode).toBe(200);
    const { token } = json<{ token: string }>(retry);
    const progress = await t.app.inject({
      url: "/api/users/me/visa-progress",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(progress.statusCode).toBe(200);
  });

  it("leaves no account when the referral attribution fails, and the retry attributes it", async () => {
    const owner = await signUp(t);
    const [row] = await t.ctx.db
      .select({ code: users.referralCode })
      .from(users)
      .where(eq(users.id, owner.id));
    const code = row!.code;
    const email = "attribution-fails@example.com";
    const undo = await failInserts(t, "referrals", `new.email = '${email}'`);
    const failed = await t.app.inject(signUpBody(email, code));
    await undo();
    expect(failed.statusCode).toBeGreaterThanOrEqual(500);
    expect(await usersWith(email)).toBe(0);

    expect((await t.app.inject(signUpBody(email, code))).statusCode).toBe(200);
    const attributed = await t.ctx.db.select().from(referrals).where(eq(referrals.email, email));
    expect(attributed).toHaveLength(1);
    expect(attributed[0]).toMatchObject({ referrerId: owner.id, source: "signup" });
  });

  it("opens a missing case when the client first reads it", async () => {
    const client = await signUp(t);
    await t.ctx.db.delete(cases).where(eq(cases.clientId, client.id));
    const response = await t.app.inject({ url: "/api/users/me/visa-progress", headers: client.headers });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: { currentStage: string } }>(response).data.currentStage).toBe("enquiry");
  });
});
