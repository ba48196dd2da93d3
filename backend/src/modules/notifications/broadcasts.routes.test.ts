import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devMailbox, notifications } from "../../db/schema/index.ts";
import { createOrganizationRow, signUpPartner } from "../../test/fixtures.ts";
import { createTestApp, json, type SignedUpUser, signUp, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
let staff: SignedUpUser;
let optedOut: SignedUpUser;
let optedIn: SignedUpUser;
let defaults: SignedUpUser;
let partner: SignedUpUser;

interface Counts {
  pending: number;
  sent: number;
  skipped: number;
  failed: number;
}
interface BroadcastBody {
  data: {
    id: string;
    recipientCount: number;
    processedCount: number;
    deliveries: { inApp: Counts; email: Counts; push: Counts };
  };
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await signUp(t, { role: "staff" });
  optedOut = await signUp(t);
  optedIn = await signUp(t);
  defaults = await signUp(t);
  partner = await signUpPartner(t, await createOrganizationRow(t));
  await t.app.inject({
    method: "PATCH",
    url: "/api/users/me/profile",
    headers: optedOut.headers,
    payload: { preferences: { notifications: { promotional: { inApp: false } } } },
  });
  await t.app.inject({
    method: "PATCH",
    url: "/api/users/me/profile",
    headers: optedIn.headers,
    payload: { preferences: { notifications: { promotional: { email: true } } } },
  });
  await t.drain();
});
afterAll(() => t.close());

const inAppRows = (userId: string, broadcastId: string) =>
  t.ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.dedupeKey, `broadcast:${broadcastId}:${userId}`),
      ),
    );

describe("POST /api/admin/broadcasts/audience-count", () => {
  it("counts who a broadcast would reach, changes nothing, and is staff only", async () => {
    const count = (audience: object, headers = staff.headers) =>
      t.app.inject({
        method: "POST",
        url: "/api/admin/broadcasts/audience-count",
        headers,
        payload: audience,
      });
    const clients = await count({ role: "client" });
    expect(clients.statusCode).toBe(200);
    expect(json<{ data: { recipientCount: number } }>(clients).data.recipientCount).toBe(3);
    const nobody = await count({ role: "client", country: "AU" });
    expect(json<{ data: { recipientCount: number } }>(nobody).data.recipientCount).toBe(0);
    expect((await count({ country: "Australia" })).statusCode).toBe(400);
    expect((await count({ role: "client" }, optedIn.headers)).statusCode).toBe(403);
    const list = await t.app.inject({ url: "/api/admin/broadcasts", headers: staff.headers });
    expect(json<{ data: unknown[] }>(list).data).toHaveLength(0);
  });
});

describe("POST /api/admin/broadcasts", () => {
  it("fans out through the queue honouring each client's preferences, and counts deliveries", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/admin/broadcasts",
      headers: staff.headers,
      payload: {
        type: "promotional",
        title: "Spring offer",
        body: "Half-price assessments",
        audience: { role: "client" },
      },
    });
    expect(created.statusCode).toBe(201);
    const { data } = json<BroadcastBody>(created);
    expect(data.recipientCount).toBe(3);
    expect(data.processedCount).toBe(0);

    await t.drain(); // fan-out, then the deliveries it queued
    await t.drain();

    expect(await inAppRows(optedOut.id, data.id)).toHaveLength(0);
    expect(await inAppRows(optedIn.id, data.id)).toHaveLength(1);
    expect(await inAppRows(defaults.id, data.id)).toHaveLength(1);
    expect(await inAppRows(partner.id, data.id)).toHaveLength(0);
    const mails = await t.ctx.db
      .select({ to: devMailbox.to })
      .from(devMailbox)
      .where(eq(devMailbox.subject, "Spring offer"));
    expect(mails.map((mail) => mail.to)).toEqual([optedIn.email]);

    const detail = await t.app.inject({ url: `/api/admin/broadcasts/${data.id}`, headers: staff.headers });
    const after = json<BroadcastBody>(detail).data;
    expect(after.recipientCount).toBe(3);
    expect(after.processedCount).toBe(3);
    expect(after.deliveries.inApp).toMatchObject({ sent: 2, skipped: 1 });
    expect(after.deliveries.email).toMatchObject({ sent: 1, skipped: 2 });
    expect(after.deliveries.push.sent + after.deliveries.push.skipped).toBe(3);

    const list = await t.app.inject({ url: "/api/admin/broadcasts", headers: staff.headers });
    expect(json<{ data: { id: string }[] }>(list).data[0]!.id).toBe(data.id);
  });

  it("reaches clients and partners when no role is given, and filters by country", async () => {
    await t.app.inject({
      method: "PATCH",
      url: "/api/users/me/profile",
      headers: defaults.headers,
      payload: { country: "BR" },
    });
    const everyone = await t.app.inject({
      method: "POST",
      url: "/api/admin/broadcasts",
      headers: staff.headers,
      payload: { type: "system", title: "Maintenance", body: "Tonight 22:00" },
    });
    expect(json<BroadcastBody>(everyone).data.recipientCount).toBe(4);
    const brazil = await t.app.inject({
      method: "POST",
      url: "/api/admin/broadcasts",
      headers: staff.headers,
      payload: { type: "system", title: "Olá", body: "News", audience: { country: "br", stage: "enquiry" } },
    });
    const id = json<BroadcastBody>(brazil).data.id;
    await t.drain();
    await t.drain();
    expect(await inAppRows(defaults.id, id)).toHaveLength(1);
    expect(await inAppRows(optedIn.id, id)).toHaveLength(0);
  });

  it("validates the body", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/admin/broadcasts",
      headers: staff.headers,
      payload: { type: "spam", title: "", body: "x", audience: { role: "staff" } },
    });
    expect(response.statusCode).toBe(400);
  });
});
