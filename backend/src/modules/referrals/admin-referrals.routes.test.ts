import { REFERRAL_STATUS_TRANSITIONS, REFERRAL_STATUS_VALUES } from "@referral-app/shared/constants";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  analyticsEvents,
  auditLog,
  notifications,
  partnerOrganizations,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
} from "../../db/schema/index.ts";
import { addBusinessDays } from "../../lib/business-days.ts";
import { failInserts } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let client: SignedUpUser;
let staff: SignedUpUser;

interface AdminItem {
  id: string;
  fullName: string;
  email: string;
  status: string;
  referrerName: string;
  referrerEmail: string;
  overdue: boolean;
  reward: { amountMinor: number; currency: string; status: string } | null;
}
interface ErrorBody {
  error: { code: string; details?: { fields?: Record<string, string[]> } };
}

beforeAll(async () => {
  t = await createTestApp({ REWARD_HOLDING_DAYS: "30" });
  [client, staff] = await Promise.all([signUp(t, { name: "Rita Referrer" }), signUp(t, { role: "staff" })]);
});
afterAll(() => t.close());

let seq = 0;
type ReferralInsert = typeof referrals.$inferInsert;

async function insertReferral(
  values: { [K in keyof ReferralInsert]?: ReferralInsert[K] | SQL } = {},
): Promise<string> {
  seq += 1;
  const [row] = await t.ctx.db
    .insert(referrals)
    .values({
      referrerId: client.id,
      fullName: `Person ${seq}`,
      email: `p${seq}@example.com`,
      // What createReferral sets with the default settings.
      ...(values.createdAt instanceof Date ? { contactBy: addBusinessDays(values.createdAt, 2) } : {}),
      ...values,
    })
    .returning({ id: referrals.id });
  return row!.id;
}

function patch(id: string, payload: unknown, user: SignedUpUser | null = staff) {
  return t.app.inject({
    method: "PATCH",
    url: `/api/admin/referrals/${id}/status`,
    headers: user?.headers ?? {},
    payload: payload as object,
  });
}

async function ledger(referralId: string) {
  return t.ctx.db.select().from(rewardLedger).where(eq(rewardLedger.referralId, referralId));
}

async function notificationsFor(referralId: string) {
  await t.drain();
  return t.ctx.db
    .select({ body: notifications.body, type: notifications.type, userId: notifications.userId })
    .from(notifications)
    .where(sql`${notifications.data}->>'referralId' = ${referralId}`);
}

describe("PATCH /api/admin/referrals/:id/status", () => {
  it("allows exactly the transitions in REFERRAL_STATUS_TRANSITIONS (all 25 pairs)", async () => {
    for (const from of REFERRAL_STATUS_VALUES) {
      for (const to of REFERRAL_STATUS_VALUES) {
        const id = await insertReferral({ status: from });
        const response = await patch(id, { status: to, notes: `${from} to ${to}` });
        if (REFERRAL_STATUS_TRANSITIONS[from].includes(to)) {
          expect(response.statusCode, `${from} → ${to}`).toBe(200);
          const { data } = json<{
            data: { status: string; history: { fromStatus: string; toStatus: string }[] };
          }>(response);
          expect(data.status).toBe(to);
          expect(data.history.at(-1)).toMatchObject({
            fromStatus: from,
            toStatus: to,
            internalNote: `${from} to ${to}`,
          });
        } else {
          expect(response.statusCode, `${from} → ${to}`).toBe(409);
          expect(json<ErrorBody>(response).error.code).toBe("INVALID_TRANSITION");
          const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
          expect(row!.status).toBe(from);
        }
      }
    }
  });

  it("refuses a rejection without a reason (400 on notes) and changes nothing", async () => {
    const id = await insertReferral({ status: "contacted" });
    for (const body of [{ status: "rejected" }, { status: "rejected", notes: "   " }]) {
      const response = await patch(id, body);
      expect(response.statusCode).toBe(400);
      const error = json<ErrorBody & { error: { details: { fields: Record<string, string> } } }>(
        response,
      ).error;
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(Object.keys(error.details.fields)).toContain("notes");
    }
    const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row!.status).toBe("contacted");
    expect((await patch(id, { status: "rejected", internalNote: "Not eligible" })).statusCode).toBe(200);
  });

  it("writes history, audit, an analytics event and notifies the referrer on each change", async () => {
    const id = await insertReferral({ fullName: "Nadia Stone" });
    for (const status of ["contacted", "qualified", "converted"]) {
      expect((await patch(id, { status })).statusCode).toBe(200);
    }
    const history = await t.ctx.db
      .select()
      .from(referralStatusHistory)
      .where(eq(referralStatusHistory.referralId, id));
    expect(history.map((entry) => entry.toStatus)).toEqual(["contacted", "qualified", "converted"]);
    expect(history.every((entry) => entry.changedBy === staff.id)).toBe(true);
    const audits = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({
      actorId: staff.id,
      action: "referral.status_changed",
      entityType: "referral",
    });
    const events = await t.ctx.db
      .select()
      .from(analyticsEvents)
      .where(
        and(
          eq(analyticsEvents.name, "referral_status_changed"),
          sql`${analyticsEvents.properties}->>'referralId' = ${id}`,
        ),
      );
    expect(events).toHaveLength(3);
    const sent = await notificationsFor(id);
    expect(sent.map((entry) => entry.body)).toEqual(
      expect.arrayContaining([
        "Your referral of Nadia Stone is now contacted.",
        "Your referral of Nadia Stone is now qualified.",
        expect.stringMatching(
          /^Your referral of Nadia Stone converted\. Your reward of \$100\.00 is pending: held until [A-Z][a-z]+ \d{1,2}, \d{4}, then approved and paid\.$/,
        ),
      ]),
    );
    expect(sent).toHaveLength(3);
    expect(sent.every((entry) => entry.type === "referral" && entry.userId === client.id)).toBe(true);
  });

  it("credits the reward exactly once on conversion and sets converted_at", async () => {
    const id = await insertReferral({ status: "qualified" });
    const before = Date.now();
    const converted = await patch(id, { status: "converted" });
    expect(converted.statusCode).toBe(200);
    expect(json<{ data: AdminItem }>(converted).data.reward).toEqual({
      amountMinor: 10_000,
      currency: "USD",
      status: "pending",
      availableAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const again = await patch(id, { status: "converted" });
    expect(again.statusCode).toBe(409);
    expect(json<ErrorBody>(again).error.code).toBe("INVALID_TRANSITION");
    const entries = await ledger(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      userId: client.id,
      kind: "referral_reward",
      amountMinor: 10_000,
      currency: "USD",
    });
    // Held for REWARD_HOLDING_DAYS (30 here).
    const heldDays = (entries[0]!.availableAt.getTime() - before) / 86_400_000;
    expect(heldDays).toBeGreaterThan(29.9);
    expect(heldDays).toBeLessThan(30.1);
    const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row!.convertedAt).toBeInstanceOf(Date);
  });

  it("credits a partner organisation's commission: a rate of the reward or a fixed amount", async () => {
    const [rate, fixed] = await t.ctx.db
      .insert(partnerOrganizations)
      .values([
        { name: "Rate Agency", commissionType: "rate", commissionRateBps: 1_500 },
        {
          name: "Fixed Agency",
          commissionType: "fixed",
          commissionAmountMinor: 2_500,
          commissionCurrency: "EUR",
        },
      ])
      .returning({ id: partnerOrganizations.id });
    const partner = await signUp(t, { role: "partner" });
    await t.ctx.db.update(users).set({ partnerOrganizationId: rate!.id }).where(eq(users.id, partner.id));
    const created = await t.app.inject({
      method: "POST",
      url: "/api/referrals",
      headers: partner.headers,
      payload: { fullName: "Agency Lead", email: "agency-lead@example.com" },
    });
    const viaRate = json<{ data: { id: string } }>(created).data.id;
    for (const status of ["contacted", "qualified", "converted"]) {
      expect((await patch(viaRate, { status })).statusCode).toBe(200);
    }
    const viaFixed = await insertReferral({
      referrerId: partner.id,
      status: "qualified",
      source: "partner",
      partnerOrganizationId: fixed!.id,
    });
    expect((await patch(viaFixed, { status: "converted" })).statusCode).toBe(200);

    const pick = (rows: Awaited<ReturnType<typeof ledger>>) =>
      rows
        .map((row) => ({
          kind: row.kind,
          userId: row.userId,
          amountMinor: row.amountMinor,
          currency: row.currency,
          partnerOrganizationId: row.partnerOrganizationId,
        }))
        .sort((a, b) => a.kind.localeCompare(b.kind));
    expect(pick(await ledger(viaRate))).toEqual([
      {
        kind: "partner_commission",
        userId: partner.id,
        amountMinor: 1_500,
        currency: "USD",
        partnerOrganizationId: rate!.id,
      },
      {
        kind: "referral_reward",
        userId: partner.id,
        amountMinor: 10_000,
        currency: "USD",
        partnerOrganizationId: null,
      },
    ]);
    expect(pick(await ledger(viaFixed))).toEqual([
      {
        kind: "partner_commission",
        userId: partner.id,
        amountMinor: 2_500,
        currency: "EUR",
        partnerOrganizationId: fixed!.id,
      },
      {
        kind: "referral_reward",
        userId: partner.id,
        amountMinor: 10_000,
        currency: "USD",
        partnerOrganizationId: null,
      },
    ]);
  });

  it("rolls everything back, including the queued notification, when the transaction fails after the enqueue", async () => {
    const id = await insertReferral({ status: "qualified" });
    // The audit entry is the transaction's last write, after the notification job was sent.
    const restore = await failInserts(t, "audit_log", `new.entity_id = '${id}'`);
    const failed = await patch(id, { status: "converted" });
    expect(failed.statusCode).toBe(500);
    expect(await notificationsFor(id)).toHaveLength(0);
    expect(await ledger(id)).toHaveLength(0);
    const [row] = await t.ctx.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ status: "qualified", convertedAt: null });
    expect(
      await t.ctx.db.select().from(referralStatusHistory).where(eq(referralStatusHistory.referralId, id)),
    ).toHaveLength(0);

    await restore();
    expect((await patch(id, { status: "converted" })).statusCode).toBe(200);
    expect(await notificationsFor(id)).toHaveLength(1);
    expect(await ledger(id)).toHaveLength(1);
  });

  it("rejects invalid bodies with field details", async () => {
    const id = await insertReferral();
    const response = await patch(id, { status: "won", notes: "x".repeat(1001), extra: 1 });
    expect(response.statusCode).toBe(400);
    const body = json<ErrorBody>(response);
    expect(body.error.code).toBe("VALIDATION_ERROR");
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(["status", "notes"]),
    );
  });

  it("answers 404 for an unknown referral, 403 for clients, 401 anonymous", async () => {
    expect((await patch("00000000-0000-4000-8000-000000000000", { status: "contacted" })).statusCode).toBe(
      404,
    );
    expect((await patch("nope", { status: "contacted" })).statusCode).toBe(404);
    const id = await insertReferral();
    expect((await patch(id, { status: "contacted" }, client)).statusCode).toBe(403);
    expect((await patch(id, { status: "contacted" }, null)).statusCode).toBe(401);
  });
});

describe("GET /api/admin/referrals", () => {
  let referrer: SignedUpUser;
  let orgId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    referrer = await signUp(t, { name: "Listing Referrer" });
    const [org] = await t.ctx.db
      .insert(partnerOrganizations)
      .values({ name: "List Agency" })
      .returning({ id: partnerOrganizations.id });
    orgId = org!.id;
    const at = (iso: string) => sql`${iso}::timestamptz`;
    const base = { referrerId: referrer.id };
    // Six rows share one timestamp and two differ by microseconds: the cursor must not skip or repeat any.
    for (let i = 0; i < 6; i += 1) {
      ids[`same${i}`] = await insertReferral({
        ...base,
        fullName: `Same ${i}`,
        createdAt: at("2024-03-01T10:00:00.123456Z"),
      });
    }
    ids.micro1 = await insertReferral({
      ...base,
      fullName: "Micro One",
      createdAt: at("2024-03-01T10:00:00.123001Z"),
    });
    ids.micro2 = await insertReferral({
      ...base,
      fullName: "Micro Two",
      createdAt: at("2024-03-01T10:00:00.123999Z"),
    });
    ids.old = await insertReferral({
      ...base,
      fullName: "Olga 100% Old",
      email: "olga@Example.org",
      createdAt: at("2024-01-10T09:00:00Z"),
      contactBy: at("2024-01-12T09:00:00Z"),
    });
    ids.contacted = await insertReferral({
      ...base,
      fullName: "Carl Contacted",
      status: "contacted",
      partnerOrganizationId: orgId,
      createdAt: at("2024-02-15T09:00:00Z"),
    });
    ids.fresh = await insertReferral({ ...base, fullName: "Fresh Pending" });
  });

  function list(query: string, user: SignedUpUser | null = staff) {
    return t.app.inject({ url: `/api/admin/referrals?${query}`, headers: user?.headers ?? {} });
  }

  async function walk(query: string, limit: number): Promise<AdminItem[]> {
    const seen: AdminItem[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const response = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.statusCode).toBe(200);
      const body = json<{ data: AdminItem[]; nextCursor: string | null }>(response);
      seen.push(...body.data);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return seen;
  }

  it("pages with a cursor through every row exactly once, newest or oldest first", async () => {
    const newest = await walk(`referrerId=${referrer.id}`, 3);
    expect(newest).toHaveLength(11);
    expect(new Set(newest.map((item) => item.id)).size).toBe(11);
    // Ties on created_at are ordered by id, like the index.
    const same = [0, 1, 2, 3, 4, 5]
      .map((i) => ids[`same${i}`]!)
      .sort()
      .reverse();
    expect(newest.map((item) => item.id)).toEqual([
      ids.fresh,
      ids.micro2,
      ...same,
      ids.micro1,
      ids.contacted,
      ids.old,
    ]);
    const oldest = await walk(`referrerId=${referrer.id}&sort=oldest`, 4);
    expect(oldest.map((item) => item.id)).toEqual(newest.map((item) => item.id).reverse());
  });

  it("includes the referrer and flags pending referrals past their contact deadline", async () => {
    const items = await walk(`referrerId=${referrer.id}`, 100);
    const byName = new Map(items.map((item) => [item.fullName, item]));
    expect(byName.get("Fresh Pending")).toMatchObject({
      referrerName: "Listing Referrer",
      referrerEmail: referrer.email,
      overdue: false,
    });
    expect(byName.get("Olga 100% Old")!.overdue).toBe(true);
    expect(byName.get("Carl Contacted")!.overdue).toBe(false);
  });

  it("searches names and emails case-insensitively, treating % literally", async () => {
    const names = async (q: string) =>
      (await walk(`referrerId=${referrer.id}&q=${encodeURIComponent(q)}`, 50)).map((item) => item.fullName);
    expect(await names("OLGA@example")).toEqual(["Olga 100% Old"]);
    expect(await names("micro")).toEqual(["Micro Two", "Micro One"]);
    expect(await names("100%")).toEqual(["Olga 100% Old"]);
    expect(await names("%")).toEqual(["Olga 100% Old"]);
  });

  it("filters by status, partner organisation and date range", async () => {
    const names = async (query: string) =>
      (await walk(`referrerId=${referrer.id}&${query}`, 50)).map((item) => item.fullName);
    expect(await names("status=contacted")).toEqual(["Carl Contacted"]);
    expect(await names(`partnerOrganizationId=${orgId}`)).toEqual(["Carl Contacted"]);
    expect(await names("from=2024-01-01&to=2024-02-15")).toEqual(["Carl Contacted", "Olga 100% Old"]);
    expect((await names("from=2024-03-01&to=2024-03-01")).length).toBe(8);
  });

  it("rejects a bad query or cursor with field details", async () => {
    const bad = await list("limit=500&sort=sideways&from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(json<ErrorBody>(bad).error.details?.fields ?? {})).toEqual(
      expect.arrayContaining(["limit", "sort", "from"]),
    );
    const cursor = await list("cursor=bm90LWEtY3Vyc29y");
    expect(cursor.statusCode).toBe(400);
    expect(json<ErrorBody>(cursor).error.details?.fields).toHaveProperty("cursor");
  });

  it("is staff only", async () => {
    expect((await list("", client)).statusCode).toBe(403);
    expect((await list("", null)).statusCode).toBe(401);
  });
});
