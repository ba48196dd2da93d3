import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema/index.ts";
import { createTestApp, json, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ REFERRAL_REWARD_MINOR: "15000", REFERRAL_REWARD_CURRENCY: "EUR" });
});
afterAll(() => t.close());

interface OfferBody {
  data: {
    reward: { amountMinor: number; currency: string };
    holdingDays: number;
    contactBusinessDays: number;
    referrerFirstName: string | null;
  };
}

describe("GET /api/referral-offer", () => {
  it("answers without signing in: the configured reward, holding period and contact deadline", async () => {
    const response = await t.app.inject({ url: "/api/referral-offer" });
    expect(response.statusCode).toBe(200);
    expect(json<OfferBody>(response).data).toEqual({
      reward: { amountMinor: 15000, currency: "EUR" },
      holdingDays: 14,
      contactBusinessDays: expect.any(Number),
      referrerFirstName: null,
    });
  });

  it("names the code's owner by first name only, whatever the code's case; an unknown code names nobody", async () => {
    const referrer = await signUp(t);
    await t.ctx.db.update(users).set({ name: "Ana María Lima" }).where(eq(users.id, referrer.id));
    const [row] = await t.ctx.db
      .select({ code: users.referralCode })
      .from(users)
      .where(eq(users.id, referrer.id));
    const code = row!.code!;
    const named = await t.app.inject({ url: `/api/referral-offer?code=${code.toLowerCase()}` });
    expect(json<OfferBody>(named).data.referrerFirstName).toBe("Ana");
    expect(JSON.stringify(json(named))).not.toContain(referrer.email);
    const unknown = await t.app.inject({ url: "/api/referral-offer?code=NOSUCHCODE" });
    expect(unknown.statusCode).toBe(200);
    expect(json<OfferBody>(unknown).data.referrerFirstName).toBeNull();
    expect((await t.app.inject({ url: `/api/referral-offer?code=${"x".repeat(40)}` })).statusCode).toBe(400);
  });
});
