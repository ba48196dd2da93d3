import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyticsEvents,
  idempotencyKeys,
  notifications,
  partnerOrganizations,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
} from "../../db/schema/index.ts";
import { registerSchedules } from "../../jobs/worker.ts";
import { failInserts } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";
import { purgeIdempotencyKeysJob } from "./referrals.jobs.ts";
import { attributeSignupReferral } from "./referrals.service.ts";

let t: TestApp;
let client: SignedUpUser;
let other: SignedUpUser;
let staff: SignedUpUser;

interface ReferralBody {
  id: string;
  referrerId: string;
  fullName: string;
  email: string;
  status: string;
  source: string;
  partnerOrganizationId: string | null;
  referredUserId: string | null;
  reward: { amountMinor: number; currency: string; status: string } | null;
  createdAt: string;
}
interface ErrorBody {
  status: "error";
  error: { code: string; details?: { fields?: Record<string, string[]> } };
}

beforeAll(async () => {
  t = await createTestApp();
  [client, other, staff] = await Promise.all([signUp(t), signUp(t), signUp(t, { role: "staff" })]);
});
afterAll(() => t.close());

function post(user: SignedUpUser | null, payload: unknown, key?: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/referrals",
    headers: { ...(user?.headers ?? {}), ...(key ? { "idempotency-key": key } : {}) },
    payload: payload as object,
  });
}

async function referralCount(referrerId: string): Promise<number> {
  const rows = await t.ctx.db
    .select({ id: referrals.id })
    .from(referrals)
    .where(eq(referrals.referrerId, referrerId));
  return rows.length;
}

async function referralNotifications(userId: string) {
  await t.drain();
  return t.ctx.db
    .select({ title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, "referral")));
}

describe("POST /api/referrals", () => {
  it("creates a pending referral with history, an event and a notification for the referrer", async () => {
    const response = await post(client, {
      fullName: " Maria Silva ",
      email: "Maria@Example.com",
      country: "br",
    });
    expect(response.statusCode).toBe(201);
    const body = json<{ status: string; data: ReferralBody; message: string }>(response);
    expect(body.status).toBe("success");
    expect(body.message).toBeTruthy();
    expect(body.data).toMatchObject({
      referrerId: client.id,
      fullName: "Maria Silva",
      email: "maria@example.com",
      status: "pending",
      source: "client",
      partnerOrganizationId: null,
      reward: null,
    });
    const history = await t.ctx.db
      .select()
      .from(referralStatusHistory)
      .where(eq(referralStatusHistory.referralId, body.data.id));
    expect(history).toMatchObject([{ fromStatus: null, toStatus: "pending", changedBy: client.id }]);
    const events = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(and(eq(analyticsEvents.name, "referral_created"), eq(analyticsEvents.userId, client.id)));
    expect(events).toHaveLength(1);
    expect(await referralNotifications(client.id)).toContainEqual({
      title: "Referral received",
      body: "We received your referral of Maria Silva.",
    });
  });

  it("rejects invalid input with per-field details", async () => {
    const response = await post(client, {
      fullName: "",
      email: "not-an-email",
      phone: "abc",
      relationship: "enemy",
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    const body = json<ErrorBody>(response);
    expect(body.status).toBe("error");
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(["fullName", "email", "phone", "relationship"]),
    );
  });

  it("answers 409 REFERRAL_DUPLICATE for the same email in any case", async () => {
    expect((await post(client, { fullName: "Jo", email: "jo@example.com" })).statusCode).toBe(201);
    for (const email of ["jo@example.com", "JO@Example.COM"]) {
      const response = await post(client, { fullName: "Jo again", email });
      expect(response.statusCode).toBe(409);
      expect(json<ErrorBody>(response).error.code).toBe("REFERRAL_DUPLICATE");
    }
    // Another referrer may refer the same person.
    expect((await post(other, { fullName: "Jo", email: "jo@example.com" })).statusCode).toBe(201);
  });

  it("answers 422 SELF_REFERRAL for the referrer's own email", async () => {
    const response = await post(client, { fullName: "Me", email: client.email.toUpperCase() });
    expect(response.statusCode).toBe(422);
    expect(json<ErrorBody>(response).error.code).toBe("SELF_REFERRAL");
  });

  it("answers 401 without credentials and 403 for staff", async () => {
    expect((await post(null, { fullName: "A", email: "a@example.com" })).statusCode).toBe(401);
    const asStaff = await post(staff, { fullName: "A", email: "a@example.com" });
    expect(asStaff.statusCode).toBe(403);
  });

  it("replays the first response for a retry with the same Idempotency-Key", async () => {
    const payload = { fullName: "Retry Person", email: "retry@example.com" };
    const first = await post(client, payload, "key-retry-1");
    const second = await post(
      client,
      { email: "retry@example.com", fullName: "Retry Person" },
      "key-retry-1",
    );
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers["idempotent-replayed"]).toBe("true");
    const rows = await t.ctx.db.select().from(referrals).where(eq(referrals.email, "retry@example.com"));
    expect(rows).toHaveLength(1);
  });

  it("answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body", async () => {
    expect((await post(client, { fullName: "K", email: "k1@example.com" }, "key-reuse")).statusCode).toBe(
      201,
    );
    const response = await post(client, { fullName: "K", email: "k2@example.com" }, "key-reuse");
    expect(response.statusCode).toBe(422);
    expect(json<ErrorBody>(response).error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await t.ctx.db.select().from(referrals).where(eq(referrals.email, "k2@example.com"))).toHaveLength(
      0,
    );
    // Keys belong to their user: someone else may use the same one.
    expect((await post(other, { fullName: "K", email: "k2@example.com" }, "key-reuse")).statusCode).toBe(201);
  });

  it("creates exactly one referral for 50 concurrent requests with one key, all answering the same 201", async () => {
    const user = await signUp(t);
    const payload = { fullName: "Burst Person", email: "burst@example.com" };
    const responses = await Promise.all(Array.from({ length: 50 }, () => post(user, payload, "burst-key")));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 201)).toBe(true);
    const ids = new Set(responses.map((response) => json<{ data: { id: string } }>(response).data.id));
    expect(ids.size).toBe(1);
    expect(await referralCount(user.id)).toBe(1);
    expect(await referralNotifications(user.id)).toHaveLength(1);
  });

  it("does not store an error answer: the key can be retried after a failure", async () => {
    const duplicate = await post(client, { fullName: "Jo", email: "jo@example.com" }, "key-after-error");
    expect(duplicate.statusCode).toBe(409);
    const keys = await t.ctx.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, "key-after-error"));
    expect(keys).toHaveLength(0);
  });

  it("commits nothing, not even the notification, when the transaction fails after the enqueue", async () => {
    const user = await signUp(t);
    // A failure on purpose in the transaction's last statement (the analytics insert).
    const restore = await failInserts(t, "analytics_events", `new.user_id = '${user.id}'`);
    const payload = { fullName: "Rolled Back", email: "rolled@example.com" };
    const failed = await post(user, payload, "rollback-key");
    expect(failed.statusCode).toBe(500);
    expect(json<ErrorBody>(failed).error.code).toBe("INTERNAL_ERROR");
    expect(await referralCount(user.id)).toBe(0);
    expect(await referralNotifications(user.id)).toHaveLength(0);

    await restore();
    const retried = await post(user, payload, "rollback-key");
    expect(retried.statusCode).toBe(201);
    expect(retried.headers["idempotent-replayed"]).toBeUndefined();
    expect(await referralNotifications(user.id)).toHaveLength(1);
  });

  it("marks partners' referrals with source partner and their organisation", async () => {
    const [org] = await t.ctx.db
      .insert(partnerOrganizations)
      .values({ name: "Agency One" })
      .returning({ id: partnerOrganizations.id });
    const partner = await signUp(t, { role: "partner" });
    await t.ctx.db.update(users).set({ partnerOrganizationId: org!.id }).where(eq(users.id, partner.id));
    const response = await post(partner, { fullName: "Partner Lead", email: "lead@example.com" });
    expect(response.statusCode).toBe(201);
    expect(json<{ data: ReferralBody }>(response).data).toMatchObject({
      source: "partner",
      partnerOrganizationId: org!.id,
    });
  });
});

describe("GET /api/users/:id/referrals", () => {
  let lister: SignedUpUser;
  beforeAll(async () => {
    lister = await signUp(t);
    // Sequential so each has a later created_at than the one before.
    for (let i = 1; i <= 5; i += 1)
      await post(lister, { fullName: `Friend ${i}`, email: `f${i}@example.com` });
    const [third] = await t.ctx.db.select().from(referrals).where(eq(referrals.email, "f3@example.com"));
    await t.ctx.db.update(referrals).set({ status: "contacted" }).where(eq(referrals.id, third!.id));
  });

  it("pages newest first with totals", async () => {
    const names: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await t.app.inject({
        url: `/api/users/me/referrals?page=${page}&limit=2`,
        headers: lister.headers,
      });
      expect(response.statusCode).toBe(200);
      const body = json<{ data: ReferralBody[]; pagination: Record<string, number> }>(response);
      expect(body.pagination).toEqual({ page, limit: 2, total: 5, pages: 3 });
      names.push(...body.data.map((item) => item.fullName));
    }
    expect(names).toEqual(["Friend 5", "Friend 4", "Friend 3", "Friend 2", "Friend 1"]);
  });

  it("still gives the total on a page past the end", async () => {
    const response = await t.app.inject({
      url: "/api/users/me/referrals?page=9&limit=2",
      headers: lister.headers,
    });
    const body = json<{ data: ReferralBody[]; pagination: Record<string, number> }>(response);
    expect(body.data).toEqual([]);
    expect(body.pagination).toEqual({ page: 9, limit: 2, total: 5, pages: 3 });
  });

  it("filters by status", async () => {
    const response = await t.app.inject({
      url: `/api/users/${lister.id}/referrals?status=contacted`,
      headers: lister.headers,
    });
    const body = json<{ data: ReferralBody[]; pagination: { total: number } }>(response);
    expect(body.data.map((item) => item.fullName)).toEqual(["Friend 3"]);
    expect(body.pagination.total).toBe(1);
  });

  it("rejects a bad query with field details", async () => {
    const response = await t.app.inject({
      url: "/api/users/me/referrals?limit=500&status=lost",
      headers: lister.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(json<ErrorBody>(response).error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(["limit", "status"]),
    );
  });

  it("answers the owner and staff, 404 to another client, 401 to anonymous", async () => {
    const url = `/api/users/${lister.id}/referrals`;
    expect((await t.app.inject({ url, headers: lister.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});

describe("GET /api/users/:id/referral-stats", () => {
  it("counts statuses and sums rewards per currency from a hand-computed fixture", async () => {
    const user = await signUp(t);
    const statuses = [
      ...Array(3).fill("pending"),
      ...Array(2).fill("contacted"),
      "qualified",
      ...Array(4).fill("converted"),
      ...Array(2).fill("rejected"),
    ] as const;
    const rows = await t.ctx.db
      .insert(referrals)
      .values(
        statuses.map((status, i) => ({
          referrerId: user.id,
          fullName: `S ${i}`,
          email: `s${i}@x.io`,
          status,
        })),
      )
      .returning({ id: referrals.id, status: referrals.status });
    const converted = rows.filter((row) => row.status === "converted").map((row) => row.id);
    const rejected = rows.find((row) => row.status === "rejected")!.id;
    const availableAt = new Date();
    const entry = (referralId: string, amountMinor: number, currency: string, status: string) => ({
      userId: user.id,
      referralId,
      amountMinor,
      currency,
      status: status as "pending",
      availableAt,
    });
    await t.ctx.db
      .insert(rewardLedger)
      .values([
        entry(converted[0]!, 10_000, "USD", "approved"),
        entry(converted[1]!, 10_000, "USD", "paid"),
        entry(converted[2]!, 10_000, "USD", "pending"),
        entry(converted[3]!, 5_000, "EUR", "pending"),
        entry(rejected, 10_000, "USD", "reversed"),
        { ...entry(converted[0]!, 777, "USD", "approved"), kind: "partner_commission" as const },
      ]);

    const response = await t.app.inject({
      url: `/api/users/${user.id}/referral-stats`,
      headers: user.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(json<{ data: unknown }>(response).data).toEqual({
      total: 12,
      byStatus: { pending: 3, contacted: 2, qualified: 1, converted: 4, rejected: 2 },
      conversionRate: 4 / 12,
      rewards: [
        { currency: "EUR", earnedMinor: 0, pendingMinor: 5_000 },
        { currency: "USD", earnedMinor: 20_000, pendingMinor: 10_000 },
      ],
    });
  });

  it("answers zeros for someone with no referrals", async () => {
    const user = await signUp(t);
    const response = await t.app.inject({ url: "/api/users/me/referral-stats", headers: user.headers });
    expect(json<{ data: unknown }>(response).data).toEqual({
      total: 0,
      byStatus: { pending: 0, contacted: 0, qualified: 0, converted: 0, rejected: 0 },
      conversionRate: 0,
      rewards: [],
    });
  });

  it("answers the owner and staff, 404 to another client, 401 to anonymous", async () => {
    const url = `/api/users/${client.id}/referral-stats`;
    expect((await t.app.inject({ url, headers: client.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});

describe("GET /api/referrals/:id", () => {
  it("answers the referral with its history to the owner and staff, 404 to others, 401 to anonymous", async () => {
    const created = json<{ data: ReferralBody }>(
      await post(client, { fullName: "Detail Person", email: "detail@example.com" }),
    ).data;
    const url = `/api/referrals/${created.id}`;
    const own = await t.app.inject({ url, headers: client.headers });
    expect(own.statusCode).toBe(200);
    const { data } = json<{ data: ReferralBody & { history: { fromStatus: null; toStatus: string }[] } }>(
      own,
    );
    expect(data.id).toBe(created.id);
    expect(data.history).toMatchObject([{ fromStatus: null, toStatus: "pending" }]);
    expect((await t.app.inject({ url, headers: staff.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: other.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await t.app.inject({ url: `/api/referrals/${id}`, headers: staff.headers });
      expect(response.statusCode).toBe(404);
    }
  });

  it("lets members of the referral's partner organisation read it, not other partners", async () => {
    const [mine, theirs] = await t.ctx.db
      .insert(partnerOrganizations)
      .values([{ name: "Agency A" }, { name: "Agency B" }])
      .returning({ id: partnerOrganizations.id });
    const [submitter, colleague, outsider] = await Promise.all([
      signUp(t, { role: "partner" }),
      signUp(t, { role: "partner" }),
      signUp(t, { role: "partner" }),
    ]);
    for (const [user, org] of [
      [submitter, mine],
      [colleague, mine],
      [outsider, theirs],
    ] as const) {
      await t.ctx.db.update(users).set({ partnerOrganizationId: org!.id }).where(eq(users.id, user.id));
    }
    const created = json<{ data: ReferralBody }>(
      await post(submitter, { fullName: "Org Lead", email: "org-lead@example.com" }),
    ).data;
    const url = `/api/referrals/${created.id}`;
    expect((await t.app.inject({ url, headers: colleague.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url, headers: outsider.headers })).statusCode).toBe(404);
  });
});

describe("sign-up with a referral code", () => {
  async function codeOf(user: SignedUpUser): Promise<string> {
    const [row] = await t.ctx.db
      .select({ code: users.referralCode })
      .from(users)
      .where(eq(users.id, user.id));
    return row!.code;
  }

  it("links the new user to the referral made for their email", async () => {
    const owner = await signUp(t);
    const created = json<{ data: ReferralBody }>(
      await post(owner, { fullName: "Invited Friend", email: "invited@example.com" }),
    ).data;
    const friend = await signUp(t, {
      email: "Invited@Example.com",
      referralCode: (await codeOf(owner)).toLowerCase(),
    });
    const rows = await t.ctx.db.select().from(referrals).where(eq(referrals.referrerId, owner.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: created.id, referredUserId: friend.id });
  });

  it("records a signup referral for the code's owner, with history and a notification", async () => {
    const owner = await signUp(t);
    const friend = await signUp(t, { name: "Walk In", referralCode: await codeOf(owner) });
    const rows = await t.ctx.db.select().from(referrals).where(eq(referrals.referrerId, owner.id));
    expect(rows).toMatchObject([
      {
        fullName: "Walk In",
        email: friend.email,
        source: "signup",
        status: "pending",
        referredUserId: friend.id,
      },
    ]);
    const history = await t.ctx.db
      .select()
      .from(referralStatusHistory)
      .where(eq(referralStatusHistory.referralId, rows[0]!.id));
    expect(history).toHaveLength(1);
    expect(await referralNotifications(owner.id)).toEqual([
      { title: "Referral received", body: "Walk In signed up with your referral code." },
    ]);
  });

  it("still signs up with an unknown code, creating nothing", async () => {
    const before = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(referrals);
    const user = await signUp(t, { referralCode: "ZZZZZZZZ" });
    expect(user.token).toBeTruthy();
    const after = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(referrals);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("ignores the user's own code", async () => {
    const user = await signUp(t);
    const code = await codeOf(user);
    await t.ctx.db.transaction((tx) =>
      attributeSignupReferral(t.ctx, tx, { id: user.id, email: user.email, name: "Self" }, { code }),
    );
    expect(await referralCount(user.id)).toBe(0);
  });
});

describe("referrals.purge-idempotency-keys job", () => {
  it("forgets keys older than a day on its daily schedule", async () => {
    await t.ctx.db.insert(idempotencyKeys).values({
      userId: client.id,
      scope: "referrals.create",
      key: "ancient-key",
      requestHash: "x",
      createdAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    });
    await purgeIdempotencyKeysJob.handler({}, t.ctx);
    expect(
      await t.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "ancient-key")),
    ).toHaveLength(0);
    expect(
      await t.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "key-retry-1")),
    ).toHaveLength(1);
    await registerSchedules(t.ctx);
    const schedules = await t.ctx.queue.schedules();
    expect(schedules.map((schedule) => schedule.name)).toContain(purgeIdempotencyKeysJob.name);
  });
});
